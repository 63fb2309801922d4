package org.dialbook.ui.lists;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import org.dialbook.api.ListQuery;
import org.dialbook.api.ListsClient;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.TaskExecutor;
import org.dialbook.ui.contacts.ContactRow;
import org.dialbook.ui.contacts.ContactsView;
import org.dialbook.ui.contacts.ContactsViewModel;
import org.dialbook.ui.shell.ContactsPane;
import org.dialbook.ui.shell.DesktopPreferences;

/**
 * Puts the lists panel beside a contacts pane without reaching into it: the table is found by its
 * style class, the list-sid field is replaced by the panel (hidden), a "Lists" column of names is
 * added, and selected rows can be dragged onto a list. Everything else is the wrapped pane's.
 */
public final class ListsMount implements ContactsPane {
    /** The preference key under which the panel's width is kept (beside the table's column widths). */
    static final String PANEL_WIDTH_KEY = "lists-panel";
    static final double DEFAULT_PANEL_WIDTH = 210;

    private final ContactsPane contacts;
    private final SplitPane root;
    private final Node panelNode;
    private final ListsPanelView panel;
    private final DesktopPreferences preferences;

    private ListsMount(ContactsPane contacts, ListsPanelView panel, DesktopPreferences preferences) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.panel = panel;
        this.panelNode = panel.node();
        // A divider the user drags, so long list names fit; the width is remembered with the columns'.
        this.root = new SplitPane(panelNode, contacts.node());
        root.setId("listsSplit");
        SplitPane.setResizableWithParent(panelNode, false);
        double width = preferences == null ? DEFAULT_PANEL_WIDTH
                : preferences.columnWidth(PANEL_WIDTH_KEY).orElse(DEFAULT_PANEL_WIDTH);
        root.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (now.doubleValue() > 0) {
                    root.widthProperty().removeListener(this);
                    root.setDividerPositions(Math.min(0.6, width / now.doubleValue()));
                }
            }
        });
    }

    public static ContactsPane around(ContactsPane contacts, ContactsViewModel table, ListsClient lists,
            TaskExecutor executor, DialogService dialogs) {
        return around(contacts, table, lists, null, executor, dialogs);
    }

    /**
     * With the account's mirror (null for none): the panel shows its lists at once, the "Lists"
     * column takes names from it instead of asking the server for them with every page, and the
     * lists' sync runs after each contacts' sync.
     */
    public static ContactsPane around(ContactsPane contacts, ContactsViewModel table, ListsClient lists,
            Mirror mirror, TaskExecutor executor, DialogService dialogs) {
        return around(contacts, table, lists, mirror, executor, dialogs, null);
    }

    /** As above, remembering the panel's width in {@code preferences} (null: not remembered). */
    public static ContactsPane around(ContactsPane contacts, ContactsViewModel table, ListsClient lists,
            Mirror mirror, TaskExecutor executor, DialogService dialogs, DesktopPreferences preferences) {
        Node node = contacts.node();
        Node sidField = node.lookup("#listFilterField");
        if (sidField != null) {
            // Lists are picked by name in the panel; a field of raw 32-hex sids helped nobody.
            sidField.setVisible(false);
            sidField.setManaged(false);
        }
        table.showListsProperty().set(mirror == null);
        @SuppressWarnings("unchecked")
        TableView<ContactRow> view = (TableView<ContactRow>) node.lookup(".table-view");
        ListsPanelViewModel viewModel = new ListsPanelViewModel(lists, mirror == null ? null : mirror.lists(),
                executor, dialogs, sid -> table.listFilterProperty().set(sid));
        if (mirror != null && table.mirrorSync() != null) {
            table.mirrorSync().alsoOnSynced(viewModel::showMirrored);
            // The first lists' sync comes after the first page was painted: show its "Lists" names.
            table.mirrorSync().alsoOnSynced(table.pages()::refresh);
        }
        ListsPanelView panel = new ListsPanelView(viewModel, () -> selectedSids(view), () -> {
            if (!(contacts instanceof ContactsView shown) || !shown.allMatchingSelected()) {
                return null;
            }
            // The query as shown now; the sids are collected in the background (from the mirror when it answers).
            ListQuery query = table.currentQuery();
            MirrorQuery search = table.currentSearch();
            return new ListsPanelView.Matching(table.pages().totalProperty().get(),
                    progress -> table.matchingSids(query, search, progress));
        }, table::refresh);
        if (view != null) {
            addListsColumn(view);
            view.setOnDragDetected(event -> {
                List<String> sids = selectedSids(view);
                if (!sids.isEmpty()) {
                    view.startDragAndDrop(TransferMode.COPY).setContent(ListsPanelView.dragContent(sids));
                    event.consume();
                }
            });
        }
        return new ListsMount(contacts, panel, preferences);
    }

    private static List<String> selectedSids(TableView<ContactRow> view) {
        if (view == null || view.getSelectionModel().getSelectionMode() != SelectionMode.MULTIPLE
                && view.getSelectionModel().isEmpty()) {
            return List.of();
        }
        return view.getSelectionModel().getSelectedItems().stream().map(row -> row.contact().sid()).toList();
    }

    private static void addListsColumn(TableView<ContactRow> view) {
        TableColumn<ContactRow, String> lists = new TableColumn<>("Lists");
        lists.setId("lists");
        lists.setPrefWidth(130);
        lists.setSortable(false);
        lists.setCellValueFactory(cell -> new ReadOnlyStringWrapper(ListNames.of(cell.getValue().contact().lists())));
        // Last, so the table's own columns keep their places (and their saved widths).
        view.getColumns().add(lists);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public ObservableStringValue totalText() {
        return contacts.totalText();
    }

    @Override
    public ObservableBooleanValue canAdd() {
        return contacts.canAdd();
    }

    @Override
    public ObservableStringValue syncText() {
        return contacts.syncText();
    }

    @Override
    public void newContact() {
        contacts.newContact();
    }

    @Override
    public void undo() {
        contacts.undo();
    }

    @Override
    public void recordImport(UndoableImport finished) {
        contacts.recordImport(finished);
    }

    @Override
    public ObservableBooleanValue canUndo() {
        return contacts.canUndo();
    }

    @Override
    public ObservableStringValue undoText() {
        return contacts.undoText();
    }

    @Override
    public void showHistory() {
        contacts.showHistory();
    }

    @Override
    public void editSelected() {
        contacts.editSelected();
    }

    @Override
    public void bulkEdit() {
        contacts.bulkEdit();
    }

    @Override
    public void selectAllMatching() {
        contacts.selectAllMatching();
    }

    @Override
    public void copySelection(boolean csv) {
        contacts.copySelection(csv);
    }

    @Override
    public void deleteSelected() {
        contacts.deleteSelected();
    }

    @Override
    public void focusSearch() {
        contacts.focusSearch();
    }

    @Override
    public void refresh() {
        contacts.refresh();
        // An import into a list, or a change made elsewhere, shows in the panel's names and counts too.
        panel.reload();
    }

    @Override
    public void export() {
        contacts.export();
    }

    @Override
    public void saveColumnWidths() {
        contacts.saveColumnWidths();
        if (preferences != null && panelNode.getLayoutBounds().getWidth() > 0) {
            preferences.setColumnWidth(PANEL_WIDTH_KEY, panelNode.getLayoutBounds().getWidth());
        }
    }

    @Override
    public void dispose() {
        contacts.dispose();
    }
}
