package org.dialbook.ui.common;

/** Handed to background work so it can report progress and notice cancellation. Thread-safe. */
public interface Progress {

    /** Reports {@code done} of {@code total} (a negative total means indeterminate) with a message. */
    void update(long done, long total, String message);

    /** True once the user (or the ViewModel) cancelled the job; long loops should check it and stop. */
    boolean isCancelled();

    /** For work that runs outside any job. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {
            // nobody is listening: progress of untracked work is simply dropped
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
