package org.dialbook.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where file dialogs start: the folder the user last chose a file in (this session), or else their
 * Documents folder, or else their home. Never the working folder, which for a desktop launch is
 * wherever the launcher happened to start.
 */
public final class FileFolders {
    private static final AtomicReference<Path> LAST = new AtomicReference<>();

    private FileFolders() {
    }

    public static Path initial() {
        return initial(LAST.get(), Path.of(System.getProperty("user.home")));
    }

    /** Remembers the folder of a chosen file for the next dialog. */
    public static void chosen(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            LAST.set(folder);
        }
    }

    static Path initial(Path last, Path home) {
        if (last != null && Files.isDirectory(last)) {
            return last;
        }
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }
}
