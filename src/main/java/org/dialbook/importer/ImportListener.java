package org.dialbook.importer;

/**
 * Receives progress of a long job. Called from worker threads, at most every few hundred rows; the UI
 * hands it to its own thread.
 */
@FunctionalInterface
public interface ImportListener {
    void progress(ImportProgress progress);

    static ImportListener none() {
        return progress -> { };
    }
}
