package org.dialbook.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the journals of imports that are over, once they are older than the retention (30 days by
 * default): a journal holds every row's values, so it should not outlive its use. An import is over
 * when it finished, was undone, or was abandoned; interrupted imports stay until resumed or given up.
 * Age counts from the manifest's last change, i.e. from when the import ended. After removal,
 * Undo and Retry say the journal is gone rather than failing on a missing file.
 */
public final class JournalRetention {
    /** How long a finished import's journal is kept unless configured otherwise. */
    public static final Duration DEFAULT = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);
    private static final Set<String> OVER = Set.of("finished", "undone", UnfinishedImports.ABANDONED);

    private JournalRetention() {
    }

    /** Deletes the folders of imports over for longer than {@code keep}; returns how many went. */
    public static int removeExpired(Path importsDir, Duration keep, Clock clock) {
        Instant cutoff = clock.instant().minus(keep);
        int removed = 0;
        try {
            for (ImportManifest manifest : ImportRunner.manifestsIn(importsDir)) {
                Path folder = importsDir.resolve(manifest.id());
                Path manifestFile = folder.resolve(ImportJournal.MANIFEST);
                if (OVER.contains(manifest.state())
                        && Files.getLastModifiedTime(manifestFile).toInstant().isBefore(cutoff)) {
                    deleteTree(folder);
                    removed++;
                    LOG.info("Removed the journal of import {} ({}, over for more than {} days)", manifest.id(),
                            manifest.state(), keep.toDays());
                }
            }
        } catch (IOException e) {
            // Housekeeping only: an import must not fail because an old journal could not be removed.
            LOG.warn("Could not remove old import journals in {}: {}", importsDir, e.getMessage());
        }
        return removed;
    }

    /**
     * Fails with a message saying the journal is gone when import {@code id} has no journal left.
     *
     * @param action what the user asked for, e.g. "undone" or "retried"
     */
    static void requireJournal(Path importsDir, String id, String action) {
        Path folder = importsDir.resolve(id);
        if (!Files.isRegularFile(folder.resolve(ImportJournal.MANIFEST))
                || !Files.isRegularFile(folder.resolve(ImportJournal.JOURNAL))) {
            throw new ImportFileException("The journal of import " + id + " is gone (journals of finished imports "
                    + "are removed after " + DEFAULT.toDays() + " days unless configured otherwise), so it can no longer "
                    + "be " + action + ". The contacts it created are still in the account.");
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        }
    }
}
