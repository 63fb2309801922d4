package org.dialbook.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;
import org.dialbook.files.SafeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Window geometry, theme and column widths, kept in a small properties file in the config folder.
 * FX-free; a broken or missing file just means defaults, never a failed start.
 */
public final class DesktopPreferences {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopPreferences.class);
    static final String FILE_NAME = "desktop.properties";

    /** Which Primer variant to use; SYSTEM follows the OS where it can be detected. */
    public enum Theme {
        SYSTEM,
        LIGHT,
        DARK
    }

    /** Where and how big the window was. */
    public record Geometry(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path file;
    private final Properties values = new Properties();

    private DesktopPreferences(Path file) {
        this.file = file;
    }

    public static DesktopPreferences load(Path configDir) {
        DesktopPreferences preferences = new DesktopPreferences(configDir.resolve(FILE_NAME));
        if (Files.isRegularFile(preferences.file)) {
            try (Reader reader = Files.newBufferedReader(preferences.file, StandardCharsets.UTF_8)) {
                preferences.values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable preferences file {}", preferences.file, e);
                preferences.values.clear();
            }
        }
        return preferences;
    }

    public java.util.Optional<Geometry> geometry() {
        OptionalDouble x = number("window.x");
        OptionalDouble y = number("window.y");
        OptionalDouble width = number("window.width");
        OptionalDouble height = number("window.height");
        if (x.isEmpty() || y.isEmpty() || width.isEmpty() || height.isEmpty()
                || width.getAsDouble() < 200 || height.getAsDouble() < 150) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Geometry(x.getAsDouble(), y.getAsDouble(), width.getAsDouble(),
                height.getAsDouble(), Boolean.parseBoolean(values.getProperty("window.maximized"))));
    }

    public void setGeometry(Geometry geometry) {
        values.setProperty("window.x", Double.toString(geometry.x()));
        values.setProperty("window.y", Double.toString(geometry.y()));
        values.setProperty("window.width", Double.toString(geometry.width()));
        values.setProperty("window.height", Double.toString(geometry.height()));
        values.setProperty("window.maximized", Boolean.toString(geometry.maximized()));
    }

    public Theme theme() {
        try {
            return Theme.valueOf(values.getProperty("theme", "SYSTEM").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.debug("Unknown theme in preferences, using SYSTEM", e);
            return Theme.SYSTEM;
        }
    }

    public void setTheme(Theme theme) {
        values.setProperty("theme", theme.name());
    }

    public OptionalDouble columnWidth(String columnId) {
        return number("column." + columnId + ".width");
    }

    public void setColumnWidth(String columnId, double width) {
        values.setProperty("column." + columnId + ".width", Double.toString(width));
    }

    /** Writes the file atomically; a failure is logged, not thrown, since losing geometry is harmless. */
    public void save() {
        try {
            Map<String, String> sorted = new TreeMap<>();
            values.forEach((key, value) -> sorted.put(key.toString(), value.toString()));
            Properties ordered = new Properties();
            ordered.putAll(sorted);
            SafeFiles.write(file, writer -> ordered.store(writer, "Dialbook window settings"));
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not save window settings to {}", file, e);
        }
    }

    private OptionalDouble number(String key) {
        String text = values.getProperty(key);
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            LOG.debug("Ignoring non-numeric preference {}={}", key, text, e);
            return OptionalDouble.empty();
        }
    }
}
