package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    @Test
    void linuxFollowsXdgDefaults() {
        AppDirs dirs = AppDirs.resolve("Linux", Map.of(), "/home/asha", null);

        assertThat(dirs.config()).isEqualTo(Path.of("/home/asha/.config/dialbook"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/asha/.local/share/dialbook"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/home/asha/.local/state/dialbook/logs"));
    }

    @Test
    void linuxHonoursXdgVariables() {
        AppDirs dirs = AppDirs.resolve("Linux",
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/dat", "XDG_STATE_HOME", "/st"), "/home/asha", null);

        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/dialbook"));
        assertThat(dirs.sandboxData()).isEqualTo(Path.of("/dat/dialbook/sandbox"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/st/dialbook/logs"));
    }

    @Test
    void windowsUsesAppData() {
        AppDirs dirs = AppDirs.resolve("Windows 11",
                Map.of("APPDATA", "C:/Users/asha/AppData/Roaming", "LOCALAPPDATA", "C:/Users/asha/AppData/Local"),
                "C:/Users/asha", null);

        assertThat(dirs.config()).isEqualTo(Path.of("C:/Users/asha/AppData/Roaming/Dialbook"));
        assertThat(dirs.logs()).isEqualTo(Path.of("C:/Users/asha/AppData/Local/Dialbook/logs"));
    }

    @Test
    void macUsesLibrary() {
        AppDirs dirs = AppDirs.resolve("Mac OS X", Map.of(), "/Users/asha", null);

        assertThat(dirs.config()).isEqualTo(Path.of("/Users/asha/Library/Application Support/Dialbook/config"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/Users/asha/Library/Logs/Dialbook"));
    }

    @Test
    void dialbookHomePutsEverythingUnderOneFolder() {
        AppDirs fromEnv = AppDirs.resolve("Linux", Map.of("DIALBOOK_HOME", "/portable"), "/home/asha", null);
        AppDirs fromProperty = AppDirs.resolve("Linux", Map.of("DIALBOOK_HOME", "/portable"), "/home/asha", "/prop");

        assertThat(fromEnv).isEqualTo(AppDirs.under(Path.of("/portable")));
        assertThat(fromProperty.config()).isEqualTo(Path.of("/prop/config"));
    }
}
