package org.dialbook.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.dialbook.credentials.ProfileService;

/**
 * Everything the window needs from the composition root, FX-free so that {@code app} can build it
 * without touching JavaFX.
 *
 * @param importHandler null until an import wizard is wired; File → Import… is then disabled
 * @param profiles the connection profiles behind "Connect Exotel account…"; null hides that panel
 * @param initialFile a CSV named on the command line, handed to the import once connected; or null
 * @param dataDir where contacts of the sandbox and import journals live, for Help → About; or null
 * @param importsDir where import journals and reports go; the window then wires the import wizard
 *     itself, on its one executor, when no {@code importHandler} was given; or null
 * @param activationSource later launches handing over their files (one window per data folder); or null
 */
public record DesktopContext(
        ConnectionSource connections,
        Path configDir,
        Path logsDir,
        ImportHandler importHandler,
        ProfileService profiles,
        Path initialFile,
        Path dataDir,
        Path importsDir,
        Activations activationSource) {

    public DesktopContext {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(logsDir, "logsDir");
    }

    public static DesktopContext of(ConnectionSource connections, Path configDir, Path logsDir) {
        return new DesktopContext(connections, configDir, logsDir, null, null, null, null, null, null);
    }

    public DesktopContext withImportHandler(ImportHandler handler) {
        return new DesktopContext(connections, configDir, logsDir, handler, profiles, initialFile,
                dataDir, importsDir, activationSource);
    }

    public DesktopContext withProfiles(ProfileService service) {
        return new DesktopContext(connections, configDir, logsDir, importHandler, service, initialFile,
                dataDir, importsDir, activationSource);
    }

    public DesktopContext withInitialFile(Path file) {
        return new DesktopContext(connections, configDir, logsDir, importHandler, profiles, file,
                dataDir, importsDir, activationSource);
    }

    public DesktopContext withDataDir(Path dir) {
        return new DesktopContext(connections, configDir, logsDir, importHandler, profiles, initialFile, dir,
                importsDir, activationSource);
    }

    public DesktopContext withImportsDir(Path dir) {
        return new DesktopContext(connections, configDir, logsDir, importHandler, profiles, initialFile,
                dataDir, dir, activationSource);
    }

    public DesktopContext withActivations(Activations source) {
        return new DesktopContext(connections, configDir, logsDir, importHandler, profiles, initialFile, dataDir,
                importsDir, source);
    }

    public Optional<Activations> activations() {
        return Optional.ofNullable(activationSource);
    }

    public Optional<Path> imports() {
        return Optional.ofNullable(importsDir);
    }

    public Optional<Path> data() {
        return Optional.ofNullable(dataDir);
    }

    public Optional<ImportHandler> importer() {
        return Optional.ofNullable(importHandler);
    }

    public Optional<ProfileService> profileService() {
        return Optional.ofNullable(profiles);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(initialFile);
    }
}
