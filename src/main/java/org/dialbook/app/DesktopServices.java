package org.dialbook.app;

import java.nio.file.Path;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionSource;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.DesktopLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's composition root: builds the FX-free services (connection, folders, hooks) and
 * hands them to the window. Nothing here knows JavaFX.
 */
public final class DesktopServices implements ConnectionSource {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopServices.class);

    private final AppDirs dirs;

    DesktopServices(AppDirs dirs) {
        this.dirs = dirs;
    }

    /** Starts file logging and opens the window; returns when the window is closed. */
    static int launch(AppDirs dirs, Path file) {
        Path logFile = Logs.startFileLogging(dirs.logs());
        LOG.info("Dialbook desktop starting; log file {}", logFile);
        DesktopServices services = new DesktopServices(dirs);
        DesktopLauncher.launch(services.context(file));
        return 0;
    }

    DesktopContext context(Path file) {
        return DesktopContext.of(this, dirs.config(), dirs.logs()).withInitialFile(file);
    }

    @Override
    public ActiveConnection open() {
        throw new IllegalStateException("No Exotel account is configured, and the local sandbox is not part "
                + "of this build yet.");
    }
}
