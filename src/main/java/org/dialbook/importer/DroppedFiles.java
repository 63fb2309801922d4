package org.dialbook.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sorts files dropped on the window (or named on the command line) into those that can be imported
 * and those that cannot, with a reason a user understands. No JavaFX: the view only reads the
 * dragboard and hands the paths here.
 */
public final class DroppedFiles {
    /** A file that will not be imported, and why. */
    public record Rejected(Path file, String reason) {
        public String describe() {
            return file.getFileName() + ": " + reason;
        }
    }

    private final List<Path> accepted;
    private final List<Rejected> rejected;

    private DroppedFiles(List<Path> accepted, List<Rejected> rejected) {
        this.accepted = List.copyOf(accepted);
        this.rejected = List.copyOf(rejected);
    }

    public static DroppedFiles sort(List<Path> files) {
        List<Path> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Path file : files) {
            String reason = reasonToReject(file);
            if (reason == null) {
                accepted.add(file);
            } else {
                rejected.add(new Rejected(file, reason));
            }
        }
        return new DroppedFiles(accepted, rejected);
    }

    /** Whether the name looks importable; cheap enough for every drag-over event. */
    public static boolean looksImportable(Path file) {
        String extension = extension(file);
        return extension.equals("csv") || extension.equals("tsv") || extension.equals("txt");
    }

    static String reasonToReject(Path file) {
        if (!Files.exists(file)) {
            return "the file does not exist (moved or deleted?)";
        }
        if (Files.isDirectory(file)) {
            return "this is a folder; drop the CSV files inside it";
        }
        String extension = extension(file);
        switch (extension) {
            case "xlsx":
            case "xls":
            case "xlsm":
            case "ods":
            case "numbers":
                return "this is a spreadsheet workbook, not a CSV; save it as CSV (File > Save As > CSV UTF-8) "
                        + "and drop that";
            case "csv":
            case "tsv":
            case "txt":
                break;
            default:
                return extension.isEmpty() ? "only .csv, .tsv and .txt files can be imported"
                        : "." + extension + " files cannot be imported; only .csv, .tsv and .txt";
        }
        if (!Files.isReadable(file)) {
            return "the file cannot be read (no permission)";
        }
        try {
            if (Files.size(file) == 0) {
                return "the file is empty";
            }
        } catch (IOException e) {
            return "the file cannot be read: " + e.getMessage();
        }
        return null;
    }

    private static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public List<Path> accepted() {
        return accepted;
    }

    public List<Rejected> rejected() {
        return rejected;
    }

    /** "report.pdf: .pdf files cannot be imported..." one per line. */
    public String rejectionMessage() {
        StringBuilder text = new StringBuilder();
        for (Rejected file : rejected) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(file.describe());
        }
        return text.toString();
    }
}
