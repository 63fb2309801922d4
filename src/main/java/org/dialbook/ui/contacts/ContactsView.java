package org.dialbook.ui.contacts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ListQuery;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.mirror.MirrorSort;
import org.dialbook.exporter.ExportScope;
import org.dialbook.ui.StartupTrace;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.WindowSizing;
import org.dialbook.ui.common.FileFolders;
import org.dialbook.ui.exporter.ExportDialog;
import org.dialbook.ui.exporter.ExportViewModel;
import org.dialbook.ui.shell.ContactsPane;
import org.dialbook.ui.shell.DesktopPreferences;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The contacts table with its search, paging and actions. Binds to {@link ContactsViewModel};
 * reads nothing from the network itself.
 */
public final class ContactsView implements ContactsPane {
    private final ContactsViewModel viewModel;
    private final BulkActions bulkActions;
    private final DesktopPreferences preferences;
    private final BorderPane root;
    private final TableSelectionViewModel selection = new TableSelectionViewModel();
    private ColumnSorts columnSorts;
    private boolean selectingProgrammatically;
    /** The column F2/Enter edits: the cell last clicked or reached with Left/Right, shown as the focused cell. */
    private TableColumn<ContactRow, ?> currentColumn;

    private TextField searchField;
    /** What the search box searches: names over the API alone, every field with a mirror. */
    private String searchTip = "Finds contacts whose first or last name contains the text";
    private TextField listFilterField;
    private Button newButton;
    private Button editButton;
    private Button bulkButton;
    private Button deleteButton;
    private HBox selectionBar;
    private Label selectionLabel;
    private Hyperlink selectionLink;
    private TableView<ContactRow> table;
    private Node errorPane;
    private Label errorLabel;
    private ProgressIndicator loadingIndicator;
    private Label noticeLabel;
    private Button firstButton;
    private Button previousButton;
    private Button nextButton;
    private Button lastButton;
    private TextField pageField;
    private Label pageCountLabel;

    public ContactsView(ContactsViewModel viewModel, DesktopPreferences preferences) {
        this.viewModel = viewModel;
        this.bulkActions = new BulkActions(viewModel);
        this.preferences = preferences;
        root = layout();
        initialize();
        root.getStylesheets().add(ContactsView.class.getResource("contacts.css").toExternalForm());
        if (viewModel.offline() != null) {
            showMirrorState();
        }
    }

    /**
     * The view's nodes, built in code. They were loaded from FXML before: on the start-up path the
     * FXML loader (reflection on every element and attribute) took 120–170 ms of the FX thread
     * for these 40 nodes in the packaged app's phase trace. Ids are the former fx:ids, which the CSS
     * and the window tests use.
     */
    private BorderPane layout() {
        searchField = withId(new TextField(), "searchField");
        searchField.setMinWidth(120);
        searchField.setPromptText("Search by name (Ctrl+F)");
        searchField.setPrefColumnCount(22);
        tooltipOnHover(searchField, () -> searchTip);
        listFilterField = withId(new TextField(), "listFilterField");
        listFilterField.setMinWidth(100);
        listFilterField.setPromptText("Filter by list SIDs, comma-separated");
        listFilterField.setPrefColumnCount(20);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        newButton = toolButton("newButton", "_New", MaterialDesignA.ACCOUNT_PLUS, "Add a contact (Ctrl+N)", this::onNew);
        editButton = toolButton("editButton", "_Edit…", MaterialDesignP.PENCIL_OUTLINE,
                "Edit every field of the selected contact (Ctrl+E); edit one cell with a double-click, F2 or Enter",
                this::onEdit);
        bulkButton = toolButton("bulkButton", "Edit _selected…", MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE,
                "Set or clear fields of all selected contacts (Ctrl+Shift+E)", this::onBulkEdit);
        deleteButton = toolButton("deleteButton", "_Delete", MaterialDesignD.DELETE_OUTLINE,
                "Delete the selected contacts (Delete)", this::onDelete);
        deleteButton.getStyleClass().add("danger");
        Button refreshButton = toolButton("refreshButton", null, MaterialDesignR.REFRESH, "Reload from the server (F5)",
                this::onRefresh);
        HBox toolbar = new HBox(8, searchField, listFilterField, gap, newButton, editButton, bulkButton, deleteButton,
                refreshButton);
        toolbar.getStyleClass().add("contacts-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 10, 8, 10));

        selectionLabel = withId(new Label(), "selectionLabel");
        selectionLink = withId(new Hyperlink(), "selectionLink");
        selectionLink.setOnAction(event -> onSelectionLink());
        selectionBar = withId(new HBox(8, selectionLabel, selectionLink), "selectionBar");
        selectionBar.getStyleClass().add("selection-bar");
        selectionBar.setAlignment(Pos.CENTER_LEFT);
        selectionBar.setVisible(false);
        selectionBar.setManaged(false);
        selectionBar.setPadding(new Insets(4, 10, 4, 10));

        table = withId(new TableView<>(), "table");
        table.getStyleClass().add("contacts-table");
        table.setEditable(true);
        table.setTableMenuButtonVisible(true);
        Label errorTitle = new Label("Could not load contacts", FontIcon.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        errorTitle.getStyleClass().add("error-title");
        errorLabel = withId(new Label(), "load-error");
        errorLabel.setWrapText(true);
        errorLabel.getStyleClass().add("error-detail");
        Button tryAgain = new Button("_Try again");
        tryAgain.setOnAction(event -> onRefresh());
        VBox errorBox = withId(new VBox(10, errorTitle, errorLabel, tryAgain), "errorPane");
        errorBox.getStyleClass().add("error-pane");
        errorBox.setAlignment(Pos.CENTER);
        errorBox.setVisible(false);
        errorBox.setMaxWidth(620);
        errorBox.setMaxHeight(Region.USE_PREF_SIZE);
        errorBox.setPadding(new Insets(18, 22, 18, 22));
        errorPane = errorBox;
        loadingIndicator = withId(new ProgressIndicator(), "loadingIndicator");
        loadingIndicator.setMaxSize(54, 54);
        loadingIndicator.setVisible(false);
        loadingIndicator.setMouseTransparent(true);

        noticeLabel = withId(new Label(), "noticeLabel");
        noticeLabel.getStyleClass().add("notice");
        noticeLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(noticeLabel, Priority.ALWAYS);
        firstButton = pageButton("firstButton", MaterialDesignP.PAGE_FIRST, "First page (Ctrl+Home)", this::onFirst);
        previousButton = pageButton("previousButton", MaterialDesignC.CHEVRON_LEFT, "Previous page (Page Up)",
                this::onPrevious);
        pageField = withId(new TextField(), "pageField");
        pageField.setPrefColumnCount(3);
        pageField.setAlignment(Pos.CENTER_RIGHT);
        pageField.setOnAction(event -> onJump());
        tooltipOnHover(pageField, "Type a page number and press Enter");
        pageCountLabel = withId(new Label(), "pageCountLabel");
        nextButton = pageButton("nextButton", MaterialDesignC.CHEVRON_RIGHT, "Next page (Page Down)", this::onNext);
        lastButton = pageButton("lastButton", MaterialDesignP.PAGE_LAST, "Last page (Ctrl+End)", this::onLast);
        HBox pagingBar = new HBox(6, noticeLabel, firstButton, previousButton, new Label("Page"), pageField,
                pageCountLabel, nextButton, lastButton);
        pagingBar.getStyleClass().add("paging-bar");
        pagingBar.setAlignment(Pos.CENTER_LEFT);
        pagingBar.setPadding(new Insets(6, 10, 6, 10));

        BorderPane view = new BorderPane(new StackPane(table, errorBox, loadingIndicator),
                new VBox(toolbar, selectionBar), null, pagingBar, null);
        view.getStyleClass().add("contacts-view");
        return view;
    }

    /**
     * A tooltip made when the pointer first enters the control: each is a popup window of its own,
     * and twelve made up front are time on the start-up path for tooltips mostly never seen.
     */
    private static void tooltipOnHover(Control control, String text) {
        tooltipOnHover(control, () -> text);
    }

    private static void tooltipOnHover(Control control, Supplier<String> text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
            if (control.getTooltip() == null) {
                control.setTooltip(new Tooltip(text.get()));
            }
        });
    }

    private static <T extends Node> T withId(T node, String id) {
        node.setId(id);
        return node;
    }

    private static Button toolButton(String id, String text, Ikon icon, String tip, Runnable action) {
        Button button = withId(new Button(text, FontIcon.of(icon)), id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        tooltipOnHover(button, tip);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Button pageButton(String id, Ikon icon, String tip, Runnable action) {
        Button button = withId(new Button(null, FontIcon.of(icon)), id);
        button.getStyleClass().add("flat");
        tooltipOnHover(button, tip);
        button.setOnAction(event -> action.run());
        return button;
    }

    /** For the start-up trace: the pulse that first lays out rows is when the user sees contacts. */
    private void traceFirstPaint() {
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            Runnable[] painted = new Runnable[1];
            painted[0] = () -> {
                if (!table.getItems().isEmpty()) {
                    scene.removePostLayoutPulseListener(painted[0]);
                    StartupTrace.mark("first page painted");
                }
            };
            scene.addPostLayoutPulseListener(painted[0]);
        });
    }

    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        listFilterField.textProperty().bindBidirectional(viewModel.listFilterProperty());
        buildColumns();
        // Added before the table's own listener: when a reload (a sync, F5, an import) replaces the rows,
        // the table clears its selection, and that must not count as the user's choice. The listener
        // below, after the table's, selects the user's rows again.
        viewModel.rows().addListener((ListChangeListener<ContactRow>) change -> selectingProgrammatically = true);
        table.setItems(viewModel.rows());
        if (StartupTrace.enabled()) {
            traceFirstPaint();
        }
        table.getStyleClass().addAll(atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label empty = new Label("No contacts match. Clear the search or the filter, or add one with Ctrl+N.");
        table.setPlaceholder(empty);
        table.setRowFactory(view -> statusRow());
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKeys);
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.getTarget() instanceof Node target && cellOf(target) instanceof TableCell<?, ?> cell
                    && cell.getTableColumn() != null) {
                table.getVisibleLeafColumns().stream().filter(column -> column == cell.getTableColumn()).findFirst()
                        .ifPresent(column -> currentColumn = column);
            }
        });

        PageLoader pages = viewModel.pages();
        // "No contacts match" is only true once a page arrived, and never behind the spinner or the error card.
        empty.visibleProperty().bind(pages.loadedProperty().and(pages.loadingProperty().not())
                .and(pages.errorProperty().isEmpty()));
        newButton.disableProperty().bind(Bindings.not(canAdd()));
        loadingIndicator.visibleProperty().bind(pages.loadingProperty());
        errorPane.visibleProperty().bind(pages.errorProperty().isNotEmpty());
        errorLabel.textProperty().bind(pages.errorProperty());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        pageCountLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "of " + pages.pageCountProperty().get(), pages.pageCountProperty()));
        pages.pageIndexProperty().addListener((obs, old, now) -> pageField.setText(Integer.toString(now.intValue() + 1)));
        pageField.setText("1");
        firstButton.disableProperty().bind(pages.pageIndexProperty().isEqualTo(0));
        previousButton.disableProperty().bind(pages.pageIndexProperty().isEqualTo(0));
        nextButton.disableProperty().bind(pages.pageIndexProperty().greaterThanOrEqualTo(
                pages.pageCountProperty().subtract(1)));
        lastButton.disableProperty().bind(nextButton.disableProperty());

        var noSelection = Bindings.isEmpty(table.getSelectionModel().getSelectedItems());
        editButton.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        bulkButton.disableProperty().bind(noSelection);
        deleteButton.disableProperty().bind(noSelection);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ContactRow>) change -> {
            selection.selectionChanged(table.getSelectionModel().getSelectedItems(), !selectingProgrammatically);
            updateSelectionBar();
        });
        viewModel.rows().addListener((ListChangeListener<ContactRow>) change -> {
            try {
                restoreSelection();
            } finally {
                selectingProgrammatically = false;
            }
        });
        viewModel.start();
    }

    private void buildColumns() {
        // Named for the column chooser; the header itself only has room for the icon (see contacts.css).
        TableColumn<ContactRow, RowStatus> status = new TableColumn<>("Status");
        status.setId("status");
        status.setPrefWidth(30);
        status.setResizable(false);
        status.setSortable(false);
        status.setEditable(false);
        status.setCellValueFactory(data -> data.getValue().statusProperty());
        status.setCellFactory(column -> new StatusCell());

        TableColumn<ContactRow, String> number = textColumn("number", "Number", 130, ContactField.NUMBER);
        TableColumn<ContactRow, String> first = textColumn("first", "First name", 100, ContactField.FIRST_NAME);
        TableColumn<ContactRow, String> last = textColumn("last", "Last name", 132, ContactField.LAST_NAME);
        TableColumn<ContactRow, String> company = textColumn("company", "Company", 135, ContactField.COMPANY_NAME);
        TableColumn<ContactRow, String> email = textColumn("email", "Email", 160, ContactField.EMAIL);
        TableColumn<ContactRow, String> tag = textColumn("tag", "Tag", 95, ContactField.TAG);

        TableColumn<ContactRow, String> custom = new TableColumn<>("Custom fields");
        custom.setId("custom");
        custom.setPrefWidth(140);
        custom.setSortable(false);
        custom.setEditable(false);
        custom.setCellValueFactory(data -> Bindings.createStringBinding(
                () -> ContactValues.customFieldsText(data.getValue().contact().customField()),
                data.getValue().contactProperty()));
        custom.setCellFactory(column -> new CustomFieldCell());

        TableColumn<ContactRow, String> created = dateColumn("created", "Created", Contact::dateCreated);
        TableColumn<ContactRow, String> updated = dateColumn("updated", "Updated", Contact::dateUpdated);
        updated.setSortable(false);

        // The server sorts, by name (first, then last name) or by creation date only. So the ▲ goes on
        // First name, and the columns it cannot sort by say so instead of offering a click that does nothing.
        // A search answered by the mirror sorts by any of them (ColumnSorts).
        custom.setGraphic(unsortableMark("Custom fields cannot be sorted."));
        table.setSortPolicy(view -> true);
        columnSorts = new ColumnSorts(table, viewModel, Map.of(number, MirrorSort.NUMBER, first, MirrorSort.FIRST_NAME,
                last, MirrorSort.LAST_NAME, company, MirrorSort.COMPANY, email, MirrorSort.EMAIL, tag, MirrorSort.TAG,
                created, MirrorSort.DATE_CREATED, updated, MirrorSort.DATE_UPDATED), List.of(first, created));

        table.getColumns().setAll(List.of(status, number, first, last, company, email, tag, custom, created, updated));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        HeaderWidths.keepWhole(table);
        HeaderWidths.showWhole(number, "+919876543210");
        for (TableColumn<ContactRow, ?> column : table.getColumns()) {
            preferences.columnWidth(column.getId()).ifPresent(width -> column.setPrefWidth(Math.max(30, width)));
        }
        currentColumn = number;
    }

    static Label unsortableMark(String why) {
        FontIcon icon = new FontIcon("mdi2s-sort-variant-remove");
        icon.getStyleClass().add("unsortable-icon");
        Label mark = new Label(null, icon);
        mark.setTooltip(new Tooltip(why));
        return mark;
    }

    private TableColumn<ContactRow, String> textColumn(String id, String title, double width, ContactField field) {
        TableColumn<ContactRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> Bindings.createStringBinding(
                () -> ContactValues.text(data.getValue().contact(), field), data.getValue().contactProperty()));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setEditable(true);
        column.setOnEditStart(event -> currentColumn = column);
        column.setOnEditCommit(event -> {
            ContactRow row = event.getRowValue();
            viewModel.commitEdit(row, field, event.getNewValue());
            // When nothing changed or the number was refused, redraw the cell from the row again.
            table.refresh();
        });
        return column;
    }

    private TableColumn<ContactRow, String> dateColumn(String id, String title,
            Function<Contact, java.time.OffsetDateTime> getter) {
        TableColumn<ContactRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(125);
        column.setEditable(false);
        column.setCellValueFactory(data -> Bindings.createStringBinding(
                () -> ContactValues.dateTime(getter.apply(data.getValue().contact())), data.getValue().contactProperty()));
        column.setCellFactory(view -> new DateCell(getter));
        return column;
    }

    private TableRow<ContactRow> statusRow() {
        TableRow<ContactRow> row = new TableRow<>() {
            @Override
            protected void updateItem(ContactRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("row-failed");
                if (!empty && item != null && item.status() == RowStatus.FAILED) {
                    getStyleClass().add("row-failed");
                }
            }
        };
        row.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && !row.isEmpty() && table.getEditingCell() == null
                    && event.getTarget() instanceof Node target && isStatusOrReadOnly(target)) {
                editSelected();
            }
        });
        return row;
    }

    private static boolean isStatusOrReadOnly(Node target) {
        return cellOf(target) instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                && !cell.getTableColumn().isEditable();
    }

    private static Node cellOf(Node target) {
        Node node = target;
        while (node != null && !(node instanceof TableCell<?, ?>)) {
            node = node.getParent();
        }
        return node;
    }

    /** F2/Enter edit the current column; a read-only one (status, dates) edits the first editable column instead. */
    private void editCurrentCell() {
        int row = table.getSelectionModel().getSelectedIndex();
        TableColumn<ContactRow, ?> column = currentColumn;
        if (column == null || !column.isEditable() || !column.isVisible()) {
            column = table.getVisibleLeafColumns().stream().filter(TableColumn::isEditable).findFirst().orElse(null);
        }
        if (column != null) {
            currentColumn = column;
            table.getFocusModel().focus(row, column);
            table.edit(row, column);
        }
    }

    /** Left/Right move the current cell along the row, as in a spreadsheet; row selection stays as it is. */
    private void moveCurrentColumn(int step) {
        List<TableColumn<ContactRow, ?>> visible = table.getVisibleLeafColumns();
        int index = currentColumn == null ? -1 : visible.indexOf(currentColumn);
        int next = Math.max(0, Math.min(visible.size() - 1, index + step));
        currentColumn = visible.get(next);
        table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex(), currentColumn);
        table.scrollToColumn(currentColumn);
    }

    private void tableKeys(KeyEvent event) {
        if (table.getEditingCell() != null) {
            return;
        }
        boolean plain = !event.isShortcutDown() && !event.isShiftDown() && !event.isAltDown();
        if ((event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.F2)
                && table.getSelectionModel().getSelectedIndex() >= 0) {
            editCurrentCell();
            event.consume();
        } else if ((event.getCode() == KeyCode.LEFT || event.getCode() == KeyCode.RIGHT) && plain
                && table.getSelectionModel().getSelectedIndex() >= 0) {
            moveCurrentColumn(event.getCode() == KeyCode.LEFT ? -1 : 1);
            event.consume();
        } else if (event.getCode() == KeyCode.PAGE_DOWN && event.isShortcutDown()) {
            viewModel.pages().next();
            event.consume();
        } else if (event.getCode() == KeyCode.PAGE_UP && event.isShortcutDown()) {
            viewModel.pages().previous();
            event.consume();
        } else if (event.getCode() == KeyCode.HOME && event.isShortcutDown()) {
            viewModel.pages().first();
            event.consume();
        } else if (event.getCode() == KeyCode.END && event.isShortcutDown()) {
            viewModel.pages().last();
            event.consume();
        }
    }

    private void updateSelectionBar() {
        TableSelectionViewModel.Banner banner = selection.banner(viewModel.rows().size(),
                viewModel.pages().totalProperty().get());
        selectionBar.setVisible(banner.visible());
        selectionBar.setManaged(selectionBar.isVisible());
        if (banner.visible()) {
            selectionLabel.setText(banner.label());
            selectionLink.setText(banner.link());
        }
    }

    private void onSelectionLink() {
        if (selection.allMatching()) {
            selection.selectOnlyPage();
            updateSelectionBar();
        } else {
            selectAllMatching();
        }
    }

    private void restoreSelection() {
        if (!selection.needsReselect()) {
            return;
        }
        selectingProgrammatically = true;
        try {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < viewModel.rows().size(); i++) {
                if (selection.reselects(viewModel.rows().get(i))) {
                    table.getSelectionModel().select(i);
                }
            }
        } finally {
            selectingProgrammatically = false;
        }
        updateSelectionBar();
    }

    /** True while "all N matching" is selected rather than rows (the lists panel adds them all). */
    public boolean allMatchingSelected() {
        return selection.allMatching();
    }

    private BulkActions.Target target() {
        return selection.target(viewModel.pages().totalProperty().get());
    }

    @Override
    public void selectAllMatching() {
        selectingProgrammatically = true;
        try {
            selection.selectAllMatching();
            table.getSelectionModel().selectAll();
        } finally {
            selectingProgrammatically = false;
        }
        updateSelectionBar();
        table.requestFocus();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public ObservableStringValue totalText() {
        PageLoader pages = viewModel.pages();
        return Bindings.createStringBinding(() -> !pages.errorProperty().get().isEmpty() ? "Contacts not loaded"
                : !pages.loadedProperty().get() ? "Loading…"
                : pages.totalProperty().get() == 1 ? "1 contact" : String.format("%,d contacts", pages.totalProperty().get()),
                pages.totalProperty(), pages.loadedProperty(), pages.errorProperty());
    }

    @Override
    public ObservableBooleanValue canAdd() {
        PageLoader pages = viewModel.pages();
        return pages.loadedProperty().and(pages.errorProperty().isEmpty());
    }

    @Override
    public void undo() {
        viewModel.undo();
    }

    @Override
    public void recordImport(UndoableImport finished) {
        viewModel.recordImport(finished);
    }

    @Override
    public ObservableBooleanValue canUndo() {
        return viewModel.history().canUndoProperty();
    }

    @Override
    public ObservableStringValue undoText() {
        return viewModel.history().undoTextProperty();
    }

    @Override
    public void showHistory() {
        new HistoryDialog(root.getScene().getWindow(), viewModel.history(), viewModel::undo).show();
    }

    @Override
    public void newContact() {
        ContactDialog dialog = ContactDialog.forNew(viewModel.defaultCountry());
        WindowSizing.fit(dialog, root.getScene().getWindow(), ContactDialog.MIN_SIZE, ContactDialog.PREFERRED_SIZE);
        if (viewModel.pages().mirror() != null) {
            dialog.warnAboutDuplicates(new DuplicateNumberViewModel(viewModel.pages().mirror(), viewModel.executor(),
                    viewModel.defaultCountry(), null), this::openContact);
        }
        dialog.showAndWait().ifPresent(patch -> viewModel.create(ContactDialogViewModel.toNewContact(patch),
                created -> {
                    selection.reselectAfterLoad(created.sid());
                }));
    }

    @Override
    public void editSelected() {
        ContactRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        ContactDialog dialog = ContactDialog.forEdit(row.contact(), viewModel.defaultCountry());
        WindowSizing.fit(dialog, root.getScene().getWindow(), ContactDialog.MIN_SIZE, ContactDialog.PREFERRED_SIZE);
        dialog.showAndWait().ifPresent(patch -> viewModel.save(row, patch));
    }

    /** Opens a contact that may not be on the shown page (the duplicate warning's "Open it"). */
    private void openContact(Contact contact) {
        ContactRow row = viewModel.rows().stream().filter(shown -> shown.sid().equals(contact.sid())).findFirst()
                .orElseGet(() -> new ContactRow(contact));
        ContactDialog dialog = ContactDialog.forEdit(row.contact(), viewModel.defaultCountry());
        dialog.initOwner(root.getScene().getWindow());
        dialog.showAndWait().ifPresent(patch -> viewModel.save(row, patch));
    }

    @Override
    public void bulkEdit() {
        BulkActions.Target target = target();
        if (target.count() == 0) {
            return;
        }
        BulkEditDialog dialog = new BulkEditDialog(target.count(), target.allMatching(), viewModel.defaultCountry());
        WindowSizing.fit(dialog, root.getScene().getWindow(), new WindowSizing.Size(480, 300),
                new WindowSizing.Size(600, 0));
        dialog.showAndWait().ifPresent(patch -> bulkActions.update(target, patch, outcome -> {
            selection.bulkActionEnded(outcome.failed().keySet());
            restoreSelection();
        }));
    }

    @Override
    public void copySelection(boolean csv) {
        if (searchField.isFocused() || listFilterField.isFocused() || pageField.isFocused()) {
            TextField field = searchField.isFocused() ? searchField : listFilterField.isFocused() ? listFilterField
                    : pageField;
            field.copy();
            return;
        }
        List<Contact> contacts = selection.contacts();
        if (contacts.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(RowsText.format(contacts, csv));
        Clipboard.getSystemClipboard().setContent(content);
        viewModel.setNotice("Copied " + contacts.size() + (contacts.size() == 1 ? " row" : " rows")
                + (csv ? " as CSV" : " (tab-separated; paste into a spreadsheet)"));
    }

    @Override
    public void deleteSelected() {
        if (table.getEditingCell() != null || !table.isFocused() && !deleteButton.isFocused()
                && root.getScene() != null && root.getScene().getFocusOwner() instanceof TextField) {
            return;
        }
        deleteTarget();
    }

    /** The Delete key, Edit → Delete and the Delete button: one path, so "all matching" means the same to each. */
    private void deleteTarget() {
        bulkActions.delete(target(), outcome -> {
            selection.bulkActionEnded(outcome.failed().keySet());
            restoreSelection();
        });
    }

    @Override
    public void export() {
        ListQuery query = viewModel.currentQuery();
        MirrorQuery found = viewModel.currentSearch();
        Mirror mirror = viewModel.pages().mirror();
        int total = viewModel.pages().totalProperty().get();
        ExportScope search;
        if (found != null) {
            // The mirror answered what is on screen, chips and sort included: export exactly that.
            search = ExportScope.streamed(viewModel.filters().describe(query.name()), total,
                    () -> mirror.streamSearch(found, 0));
        } else {
            search = query.name() == null && query.listSids().isEmpty() ? null
                    : new ExportScope.Query(query, query.name() != null ? "contacts matching \"" + query.name() + "\""
                            : "contacts in lists " + String.join(", ", query.listSids()));
        }
        ExportScope selected = found != null && selection.allMatching()
                ? ExportScope.streamed("all " + total + " matching contacts", total, () -> mirror.streamSearch(found, 0))
                : selection.exportScope(query, total);
        new ExportDialog(root.getScene().getWindow(), new ExportViewModel(viewModel.wholeBookApi(), viewModel.executor(),
                viewModel.dialogs(), search, selected), FileFolders.initial()).show();
    }

    @Override
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }

    @Override
    public void saveColumnWidths() {
        table.getColumns().forEach(column -> preferences.setColumnWidth(column.getId(), column.getWidth()));
    }

    /** The search box searches every field; the offline banner and search coverage sit above the table. */
    private void showMirrorState() {
        searchField.setPromptText("Search number, name, company, e-mail, tag (Ctrl+F)");
        searchTip = "Finds contacts by any part of their number (with or without +, spaces or dashes), name, company, "
                + "e-mail, tag or custom values";
        table.editableProperty().bind(viewModel.editsDisabledProperty().not());
        OfflineViewModel offline = viewModel.offline();
        Label offlineText = new Label();
        offlineText.textProperty().bind(offline.bannerProperty());
        Button retry = new Button("Retry");
        retry.setOnAction(event -> offline.retry());
        HBox banner = new HBox(10, offlineText, retry);
        banner.setId("offline-banner");
        banner.getStyleClass().add("offline-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(4, 10, 4, 10));
        banner.visibleProperty().bind(offline.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Label coverage = new Label();
        coverage.setId("search-coverage");
        coverage.textProperty().bind(viewModel.pages().coverageProperty());
        coverage.visibleProperty().bind(coverage.textProperty().isNotEmpty());
        coverage.managedProperty().bind(coverage.visibleProperty());
        VBox top = (VBox) root.getTop();
        // The chips sit under the search box they refine.
        top.getChildren().add(1, new FilterChipsBar(viewModel.filters()).root());
        top.getChildren().addAll(0, List.of(banner, coverage));
    }

    @Override
    public ObservableStringValue syncText() {
        return viewModel.mirrorSync() == null ? null : viewModel.mirrorSync().statusProperty();
    }

    @Override
    public void dispose() {
        viewModel.stop();
        viewModel.pages().invalidate();
    }

    private void onNew() {
        newContact();
    }

    private void onEdit() {
        editSelected();
    }

    private void onBulkEdit() {
        bulkEdit();
    }

    private void onDelete() {
        deleteTarget();
    }

    private void onRefresh() {
        refresh();
    }

    private void onFirst() {
        viewModel.pages().first();
    }

    private void onPrevious() {
        viewModel.pages().previous();
    }

    private void onNext() {
        viewModel.pages().next();
    }

    private void onLast() {
        viewModel.pages().last();
    }

    private void onJump() {
        try {
            viewModel.pages().goTo(Integer.parseInt(pageField.getText().trim()) - 1);
        } catch (NumberFormatException e) {
            pageField.setText(Integer.toString(viewModel.pages().pageIndexProperty().get() + 1));
        }
        Platform.runLater(table::requestFocus);
    }

    /** An icon for pending, saved or failed, with the message as tooltip. */
    private static final class StatusCell extends TableCell<ContactRow, RowStatus> {
        StatusCell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(RowStatus status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeAll("status-pending", "status-saved", "status-failed");
            ContactRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || status == null || status == RowStatus.NONE || row == null) {
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (status) {
                case PENDING -> MaterialDesignC.CLOCK_OUTLINE;
                case SAVED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
                default -> MaterialDesignC.CLOSE_CIRCLE_OUTLINE;
            });
            getStyleClass().add("status-" + status.name().toLowerCase(java.util.Locale.ROOT));
            setGraphic(icon);
            setTooltip(new Tooltip(row.messageProperty().get()));
            setAccessibleText(status.name().toLowerCase(java.util.Locale.ROOT) + ": " + row.messageProperty().get());
        }
    }

    /** Compact JSON in the cell; the full, indented JSON in the tooltip. */
    private static final class CustomFieldCell extends TableCell<ContactRow, String> {
        private final HoverTooltip tooltip = new HoverTooltip(this, "-fx-font-family: monospace;");

        CustomFieldCell() {
            getStyleClass().add("custom-cell");
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            ContactRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || text == null || text.isEmpty() || row == null) {
                setText(null);
                tooltip.setText(null);
                return;
            }
            setText(text);
            tooltip.setText(() -> ContactValues.prettyJson(row.contact().customField()));
        }
    }

    /** A compact local date; the exact ISO timestamp from the server in the tooltip. */
    private static final class DateCell extends TableCell<ContactRow, String> {
        private final Function<Contact, java.time.OffsetDateTime> getter;
        private final HoverTooltip tooltip = new HoverTooltip(this, null);

        DateCell(Function<Contact, java.time.OffsetDateTime> getter) {
            this.getter = getter;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            ContactRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || text == null || text.isEmpty() || row == null) {
                setText(null);
                tooltip.setText(null);
                return;
            }
            setText(text);
            tooltip.setText(() -> ContactValues.isoDateTime(getter.apply(row.contact())));
        }
    }
}
