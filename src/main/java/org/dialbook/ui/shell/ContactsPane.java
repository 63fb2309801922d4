package org.dialbook.ui.shell;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;

/** What the main window needs from the contacts view: its node and the actions its menus trigger. */
public interface ContactsPane {

    Node node();

    /** "1,234 contacts", for the status bar. */
    ObservableStringValue totalText();

    /** "Synced 2 min ago" or the mirror's indexing state, for the status bar; null without a mirror. */
    default ObservableStringValue syncText() {
        return null;
    }

    void newContact();

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
