package org.dialbook.ui.shell;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a folder in the OS file manager. Blocking, so callers run it in the background. Returns
 * false when no way worked, and the caller shows the path instead.
 */
final class FolderOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);

    private FolderOpener() {
    }

    static boolean open(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(folder.toFile());
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("java.awt.Desktop could not open {}", folder, e);
            }
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.startsWith("windows") ? List.of("explorer", folder.toString())
                : os.startsWith("mac") ? List.of("open", folder.toString()) : List.of("xdg-open", folder.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                // explorer.exe answers 1 even when it worked
                return process.exitValue() == 0 || os.startsWith("windows");
            }
            return true;
        } catch (IOException e) {
            LOG.debug("{} could not open {}", command.get(0), folder, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
