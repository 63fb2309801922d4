package org.dialbook.ui.lists;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dialbook.ui.common.Progress;
import org.dialbook.ui.lists.ListsPanelViewModel.Entry;

/**
 * The lists panel beside the contacts table. Reads the Dragboard only: a drop of table rows (their
 * sids, as {@link #CONTACT_SIDS}) onto a list adds them to it.
 */
public final class ListsPanelView {
    /** The drag format of selected contact rows: their sids, one a line. */
    public static final DataFormat CONTACT_SIDS = new DataFormat("application/x-dialbook-contact-sids");

    private final ListsPanelViewModel viewModel;
    private final VBox root = new VBox(6);
    private final ListView<Entry> listView = new ListView<>();
    private final Supplier<Matching> matching;

    /**
     * @param selection the sids of the table's selected rows, read when the user acts
     */
    public ListsPanelView(ListsPanelViewModel viewModel, Supplier<List<String>> selection, Runnable refreshTable) {
        this(viewModel, selection, () -> null, refreshTable);
    }

    /** "All N matching" as the table has it selected: how many, and how to collect their sids. */
    public record Matching(int count, Function<Progress, List<String>> collect) {
    }

    /**
     * @param matching "all N matching" when the table has it selected instead of rows, else null
     */
    public ListsPanelView(ListsPanelViewModel viewModel, Supplier<List<String>> selection,
            Supplier<Matching> matching, Runnable refreshTable) {
        this.viewModel = viewModel;
        this.matching = matching;
        root.setId("listsPanel");
        root.getStyleClass().add("lists-panel");
        root.getStylesheets().add(ListsPanelView.class.getResource("lists.css").toExternalForm());
        root.setPadding(new Insets(8));
        // The split pane beside the table sets the width; long names also show whole in a tooltip.
        root.setMinWidth(150);

        Label title = new Label("Lists");
        title.getStyleClass().add("lists-title");
        listView.setId("listsView");
        listView.setItems(viewModel.entries());
        listView.setCellFactory(view -> new EntryCell(refreshTable));
        VBox.setVgrow(listView, Priority.ALWAYS);
        listView.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(listView.getSelectionModel().getSelectedItem())) {
                listView.getSelectionModel().select(now);
            }
        });

        Button create = new Button("New list…");
        create.setId("newListButton");
        create.setOnAction(event -> ask("New list", "Name of the new list:", "").ifPresent(viewModel::create));
        Button add = new Button("Add to list…");
        add.setId("addSelectionButton");
        add.setOnAction(event -> addSelection(selection, refreshTable));
        Button remove = new Button("Remove from list");
        remove.setId("removeFromListButton");
        remove.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.selectedProperty().get() == null || viewModel.selectedProperty().get().isAll(),
                viewModel.selectedProperty()));
        remove.setOnAction(event -> viewModel.removeFromSelected(selection.get(), refreshTable));
        for (Button button : List.of(create, add, remove)) {
            button.setMaxWidth(Double.MAX_VALUE);
        }
        VBox buttons = new VBox(6, create, add, remove);
        Label status = new Label();
        status.setId("listsStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());

        listView.setContextMenu(contextMenu(refreshTable));
        root.getChildren().addAll(title, listView, buttons, status);
        listView.getSelectionModel().select(0);
        viewModel.reload();
    }

    /** Reads the lists and their counts again (after an import, or F5). */
    public void reload() {
        viewModel.reload();
    }

    public Node node() {
        return root;
    }

    private ContextMenu contextMenu(Runnable refreshTable) {
        MenuItem rename = new MenuItem("Rename…");
        rename.setOnAction(event -> {
            Entry entry = listView.getSelectionModel().getSelectedItem();
            if (entry != null && !entry.isAll()) {
                ask("Rename list", "New name for '" + entry.name() + "':", entry.name())
                        .ifPresent(name -> viewModel.rename(entry, name));
            }
        });
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(event -> viewModel.delete(listView.getSelectionModel().getSelectedItem()));
        return new ContextMenu(rename, delete);
    }

    /** "Add selection": to the chosen list, or, with "All contacts" chosen, to a list picked by name. */
    private void addSelection(Supplier<List<String>> selection, Runnable refreshTable) {
        Matching all = matching.get();
        Entry target = viewModel.selectedProperty().get();
        if (target == null || target.isAll()) {
            List<String> names = viewModel.entries().stream().filter(e -> !e.isAll()).map(Entry::name).toList();
            if (names.isEmpty()) {
                return;
            }
            javafx.scene.control.ChoiceDialog<String> pick = new javafx.scene.control.ChoiceDialog<>(names.get(0),
                    names);
            pick.setTitle("Add to list");
            pick.setHeaderText(all == null ? "Add the selected contacts to which list?"
                    : "Add all " + all.count() + " matching contacts to which list?");
            Optional<String> name = pick.showAndWait();
            if (name.isEmpty()) {
                return;
            }
            target = viewModel.entries().stream().filter(e -> name.get().equals(e.name())).findFirst().orElse(null);
        }
        if (all != null) {
            viewModel.addMatching(target, all.count(), all.collect(), refreshTable);
        } else {
            viewModel.addTo(target, selection.get(), refreshTable);
        }
    }

    private Optional<String> ask(String title, String prompt, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        return dialog.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
    }

    /** A list with its count; a drop target for dragged contact rows. */
    private final class EntryCell extends ListCell<Entry> {
        EntryCell(Runnable refreshTable) {
            // Sized by the panel, not by its text: a long name ends in "…" (whole in the tooltip)
            // instead of giving the narrow panel a horizontal scrollbar.
            setPrefWidth(0);
            setOnDragOver(event -> {
                if (getItem() != null && !getItem().isAll() && event.getDragboard().hasContent(CONTACT_SIDS)) {
                    event.acceptTransferModes(TransferMode.COPY);
                }
                event.consume();
            });
            setOnDragDropped(event -> {
                Dragboard board = event.getDragboard();
                boolean done = false;
                if (getItem() != null && !getItem().isAll() && board.hasContent(CONTACT_SIDS)) {
                    List<String> sids = List.of(((String) board.getContent(CONTACT_SIDS)).split("\n"));
                    viewModel.addTo(getItem(), sids, refreshTable);
                    done = true;
                }
                event.setDropCompleted(done);
                event.consume();
            });
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            // The name gives way (with an ellipsis) before the count does: counts stay visible.
            Label name = new Label(item.name());
            name.setMinWidth(0);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            Label count = new Label(item.count() == null ? "" : item.count().toString());
            count.getStyleClass().add("lists-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, name, count);
            line.setAlignment(Pos.CENTER_LEFT);
            setGraphic(line);
            setTooltip(new Tooltip(item.label()));
        }
    }

    /** Puts the sids of dragged rows on the Dragboard (the table's side of the drag). */
    public static ClipboardContent dragContent(List<String> sids) {
        ClipboardContent content = new ClipboardContent();
        content.put(CONTACT_SIDS, String.join("\n", sids));
        content.putString(sids.size() + " contacts");
        return content;
    }
}
