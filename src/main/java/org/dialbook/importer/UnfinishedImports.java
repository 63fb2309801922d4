package org.dialbook.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds imports that did not end on their own: the app was killed mid-run (the manifest still says
 * "running") or a pass ended with rows unsent ("stopped"). Imports the user cancelled, finished,
 * undid or abandoned are left alone: the user already decided about those. Reads only files, so the app can ask
 * at start-up, in the background, before any connection is needed.
 */
public final class UnfinishedImports {
    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedImports.class);
    private static final Set<String> INTERRUPTED = Set.of("running", "stopped");
    /** The state of an interrupted import the user chose not to resume; it is not offered again. */
    static final String ABANDONED = "abandoned";

    /**
     * One interrupted import.
     *
     * @param rowsDone rows that already have an outcome in the journal
     * @param rowsTotal data rows in the file (counted by a finished pass, or by the preview before the
     *     import started), or -1 when neither is known
     * @param fileExists whether the CSV is still where it was; without it the import cannot resume
     */
    public record Unfinished(String id, Path file, Instant startedAt, long rowsDone, long rowsTotal,
            boolean fileExists) {

        public String fileName() {
            Path name = file.getFileName();
            return name == null ? file.toString() : name.toString();
        }
    }

    private UnfinishedImports() {
    }

    /**
     * Marks an interrupted import as given up, so it is no longer offered. Its journal stays, so its
     * report can still be written and its contacts undone.
     */
    public static void abandon(Path importsDir, String id) throws IOException {
        Path folder = importsDir.resolve(id);
        ImportJournal.writeManifest(folder, ImportJournal.readManifest(folder).withState(ABANDONED));
    }

    /** The interrupted imports under {@code importsDir}, newest first; empty when there is no such folder. */
    public static List<Unfinished> find(Path importsDir) throws IOException {
        return find(importsDir, null);
    }

    /**
     * The interrupted imports that may be resumed into {@code destination} (see
     * {@link ImportManifest#sendsTo}), newest first; all of them when {@code destination} is null.
     */
    public static List<Unfinished> find(Path importsDir, String destination) throws IOException {
        List<Unfinished> out = new ArrayList<>();
        for (ImportManifest manifest : ImportRunner.manifestsIn(importsDir)) {
            if (!INTERRUPTED.contains(manifest.state()) || !manifest.sendsTo(destination)) {
                continue;
            }
            Path folder = importsDir.resolve(manifest.id());
            long done;
            try {
                done = JournalState.load(folder.resolve(ImportJournal.JOURNAL)).summary(manifest.rowsInFile())
                        .settled();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring import {} with an unreadable journal: {}", manifest.id(), e.getMessage());
                continue;
            }
            Path file = manifest.plan().file();
            long total = manifest.rowsInFile() >= 0 ? manifest.rowsInFile()
                    : manifest.expectedRows() > 0 ? manifest.expectedRows() : -1;
            out.add(new Unfinished(manifest.id(), file, manifest.createdAt(), done, total,
                    Files.isRegularFile(file)));
        }
        return out;
    }
}
