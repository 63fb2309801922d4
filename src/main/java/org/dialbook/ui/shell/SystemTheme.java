package org.dialbook.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guesses whether the OS prefers dark windows. JavaFX 21 cannot tell, so this asks the desktop the
 * way each OS allows; anything unclear means light.
 */
final class SystemTheme {
    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);

    private SystemTheme() {
    }

    static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String answer = ask(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v",
                    "AppsUseLightTheme"));
            return answer.contains("0x0");
        }
        if (os.startsWith("mac")) {
            return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT)
                    .contains("dark");
        }
        return prefersDarkOnLinux(System.getenv());
    }

    static boolean prefersDarkOnLinux(Map<String, String> env) {
        String gtkTheme = env.getOrDefault("GTK_THEME", "");
        if (gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
            return true;
        }
        if (env.getOrDefault("DISPLAY", "").isEmpty() && env.getOrDefault("WAYLAND_DISPLAY", "").isEmpty()) {
            return false;
        }
        String scheme = ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        return scheme.contains("prefer-dark");
    }

    private static String ask(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream output = process.getInputStream()) {
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "";
                }
                return new String(output.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            LOG.debug("Could not ask the desktop for its theme with {}", command.get(0), e);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
