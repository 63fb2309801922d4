package org.dialbook.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import org.dialbook.ui.UndoableImport;

/** What the main window needs from the contacts view: its node and the actions its menus trigger. */
public interface ContactsPane {

    Node node();

    /** "1,234 contacts", for the status bar. */
    ObservableStringValue totalText();

    /** True while the account answers: New is offered only then (not after a 401 or before the first page). */
    ObservableBooleanValue canAdd();
    /** "Synced 2 min ago" or the mirror's indexing state, for the status bar; null without a mirror. */
    default ObservableStringValue syncText() {
        return null;
    }

    void newContact();

    /** Edit → Undo: reverses the newest change made in this window. */
    void undo();

    /** Whether there is a change to undo, and the menu text naming it ("Undo Edit tag of …"). */
    ObservableBooleanValue canUndo();

    ObservableStringValue undoText();

    /** A finished import's undo, kept in this account's history beside the edits (Edit → Undo, History). */
    void recordImport(UndoableImport finished);

    /** Edit → History: the last changes, newest first. */
    void showHistory();

    void editSelected();

    void bulkEdit();

    void selectAllMatching();

    void copySelection(boolean csv);

    void deleteSelected();

    void focusSearch();

    void refresh();

    /** File → Export…: the export dialog for all, the current search, or the selection. */
    void export();

    void saveColumnWidths();

    void dispose();
}
