package org.dialbook.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Dialbook keeps its files, following each OS's convention: XDG on Linux, AppData on Windows,
 * Library on macOS. {@code DIALBOOK_HOME} (or the {@code dialbook.home} system property) puts
 * everything under one folder instead, which tests and portable installs use.
 */
public record AppDirs(Path config, Path data, Path logs) {

    private static final String APP = "Dialbook";

    public static AppDirs fromEnvironment() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"),
                System.getProperty("dialbook.home"));
    }

    /** All three under one root, for tests and portable installs. */
    public static AppDirs under(Path root) {
        return new AppDirs(root.resolve("config"), root.resolve("data"), root.resolve("logs"));
    }

    static AppDirs resolve(String osName, Map<String, String> env, String userHome, String homeOverride) {
        String override = homeOverride != null && !homeOverride.isBlank() ? homeOverride : env.get("DIALBOOK_HOME");
        if (override != null && !override.isBlank()) {
            return under(Path.of(override));
        }
        Path home = Path.of(userHome);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirs(roaming.resolve(APP), local.resolve(APP).resolve("data"),
                    local.resolve(APP).resolve("logs"));
        }
        if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            return new AppDirs(library.resolve("Application Support").resolve(APP).resolve("config"),
                    library.resolve("Application Support").resolve(APP).resolve("data"),
                    library.resolve("Logs").resolve(APP));
        }
        String lower = APP.toLowerCase(Locale.ROOT);
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(lower);
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve(lower);
        Path state = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state")).resolve(lower);
        return new AppDirs(config, data, state.resolve("logs"));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** The sandbox's database folder. */
    public Path sandboxData() {
        return data.resolve("sandbox");
    }

    /** Import journals and reports. */
    public Path imports() {
        return data.resolve("imports");
    }
}
