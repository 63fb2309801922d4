package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopPreferencesTest {

    @Test
    void remembersGeometryThemeAndColumnWidths(@TempDir Path config) {
        DesktopPreferences preferences = DesktopPreferences.load(config);
        preferences.setGeometry(new DesktopPreferences.Geometry(10, 20, 900, 600, true));
        preferences.setTheme(DesktopPreferences.Theme.DARK);
        preferences.setColumnWidth("email", 230);
        preferences.save();

        DesktopPreferences reloaded = DesktopPreferences.load(config);
        assertThat(reloaded.geometry()).contains(new DesktopPreferences.Geometry(10, 20, 900, 600, true));
        assertThat(reloaded.theme()).isEqualTo(DesktopPreferences.Theme.DARK);
        assertThat(reloaded.columnWidth("email")).hasValue(230);
    }

    @Test
    void brokenFileMeansDefaults(@TempDir Path config) throws IOException {
        Files.writeString(config.resolve(DesktopPreferences.FILE_NAME), "window.x=abc\ntheme=purple\n\\u00zz");

        DesktopPreferences preferences = DesktopPreferences.load(config);

        assertThat(preferences.geometry()).isEmpty();
        assertThat(preferences.theme()).isEqualTo(DesktopPreferences.Theme.SYSTEM);
    }
}
