package org.dialbook.ui;

/**
 * What the window that opened an import hears back from it, on the FX thread: that contacts changed
 * (refresh the table), and, when an import created contacts, its undo for Edit → Undo and History.
 */
@FunctionalInterface
public interface AfterImport {

    /** The import, a retry or an undo changed contacts. */
    void contactsChanged();

    /** An import finished and created contacts; the window's history keeps its undo. */
    default void undoable(UndoableImport finished) {
        // A caller without an undo history (tests, the CLI's own runs) has nowhere to keep it.
    }
}
