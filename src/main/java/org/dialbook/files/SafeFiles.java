package org.dialbook.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way Dialbook writes a file: into a temporary file beside the target, then an atomic move
 * over it, so a crash or a full disk never leaves a half-written file where a whole one was. Files
 * are created readable by their owner only ({@code 0600}) on systems with POSIX permissions, since
 * nearly all of them hold contacts or account details (import journal and report, export, manifest,
 * the local mirror, profiles); elsewhere the user's own folder protects them.
 */
public final class SafeFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the bytes of a file. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles() {
    }

    /** Writes {@code target} as UTF-8 text through a temporary file and an atomic move. */
    public static void write(Path target, Content content) throws IOException {
        writeBytes(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(writer);
            writer.flush();
        });
    }

    /** Writes {@code text} to {@code target} through a temporary file and an atomic move. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text));
    }

    /** Writes {@code target} through a temporary file and an atomic move. */
    public static void writeBytes(Path target, Bytes content) throws IOException {
        Path file = target.toAbsolutePath();
        Path temp = createTemp(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new empty temporary file in {@code folder} with the given for callers that fill it
     * in several steps before {@link #moveIntoPlace}. The caller deletes it if it is not moved.
     */
    public static Path createTemp(Path folder, String prefix, String suffix) throws IOException {
        Files.createDirectories(folder);
        if (posix(folder)) {
            return Files.createTempFile(folder, prefix, suffix, ownerOnly());
        }
        return Files.createTempFile(folder, prefix, suffix);
    }

    /** Moves a finished temporary file over {@code target}: atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Opens {@code file} for appending, creating it {@code 0600} first when it is new (a journal that
     * grows line by line cannot be written through a temporary file).
     */
    public static Writer openPrivateAppend(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (posix(file.toAbsolutePath().getParent())) {
            try {
                Files.createFile(file, ownerOnly());
            } catch (FileAlreadyExistsException e) {
                // Appending to an existing journal (a resumed import): make sure it is private too.
                restrictToOwner(file);
            }
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Makes an existing file {@code 0600} where the system has POSIX permissions. */
    public static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
