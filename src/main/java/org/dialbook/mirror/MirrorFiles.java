package org.dialbook.mirror;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.dialbook.api.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where mirror files live and how they are opened: {@code <data>/mirror/<host>_<account>.db}, one
 * per account a profile (or the EXOTEL_* variables) connects to, so the CLI and the window share it.
 * Files are private to the user (0600; the folder 0700): they hold the whole address book.
 */
public final class MirrorFiles {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Clock clock;

    public MirrorFiles(Path dataDir, Clock clock) {
        this.folder = dataDir.resolve("mirror");
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    /** The file for the account {@code settings} reach; loopback hosts share one name whatever the port. */
    public Path fileFor(ConnectionSettings settings) {
        String host = settings.baseUrl().getHost();
        String place = ConnectionSettings.isLoopback(host.replace("[", "").replace("]", "")) ? "local" : host;
        return folder.resolve(safe(place) + "_" + safe(settings.accountSid()) + ".db");
    }

    /**
     * Opens the mirror for {@code settings}. A file that is corrupt, foreign or from a newer version
     * is moved aside (never deleted) and a new one started; {@link Mirror#setAsideNotice()} says so.
     */
    public Mirror open(ConnectionSettings settings) {
        return open(fileFor(settings));
    }

    public Mirror open(Path file) {
        prepare(file);
        try {
            return Mirror.open(file, null);
        } catch (Mirror.Unreadable e) {
            Path aside = setAside(file);
            String notice = "The contact mirror " + file.getFileName() + " could not be used: " + e.getMessage()
                    + ". It was moved to " + aside + " and is being rebuilt from the server.";
            LOG.warn(notice);
            prepare(file);
            try {
                return Mirror.open(file, notice);
            } catch (Mirror.Unreadable again) {
                throw new MirrorException("A new contact mirror could not be created at " + file + ": "
                        + again.getMessage(), again);
            }
        }
    }

    private void prepare(Path file) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
                restrict(file.getParent(), "rwx------");
            }
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    // Another process made it first; it is ours all the same.
                }
            }
            restrict(file, "rw-------");
        } catch (IOException e) {
            throw new MirrorException("Could not create the contact mirror " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private Path setAside(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.db$", "");
        Path aside = file.resolveSibling(base + ".unreadable-" + STAMP.format(clock.instant()) + ".db");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    Files.move(companion, aside.resolveSibling(aside.getFileName() + suffix),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return aside;
        } catch (IOException e) {
            throw new MirrorException("The contact mirror " + file + " cannot be used, and could not be moved aside: "
                    + e.getMessage(), e);
        }
    }

    private static String safe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }
}
