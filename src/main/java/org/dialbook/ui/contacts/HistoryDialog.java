package org.dialbook.ui.contacts;

import java.time.format.DateTimeFormatter;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dialbook.ui.common.WindowSizing;

/** Edit → History: the last changes made from this window, newest first; Undo reverses the top one not undone. */
public final class HistoryDialog extends Dialog<Void> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public HistoryDialog(Window owner, UndoHistory history, Runnable undo) {
        setTitle("History");
        ButtonType undoButton = new ButtonType("Undo", ButtonBar.ButtonData.LEFT);
        getDialogPane().getButtonTypes().setAll(undoButton, ButtonType.CLOSE);
        getDialogPane().lookupButton(undoButton).disableProperty().bind(history.canUndoProperty().not());
        getDialogPane().lookupButton(undoButton).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            // Stay open: the list shows the change marked undone once the server has answered.
            event.consume();
            undo.run();
        });
        ListView<UndoHistory.Entry> list = new ListView<>(history.entries());
        list.setId("history-list");
        list.setPlaceholder(new Label("Nothing changed yet in this window."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(UndoHistory.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.label(TIME));
                setDisable(!empty && entry != null && entry.undone());
            }
        });
        Label hint = new Label("The last " + UndoHistory.LIMIT + " changes made in this window. Undo reverses the newest "
                + "one not yet undone. Deleted contacts come back with new IDs.");
        hint.setWrapText(true);
        // Without this the dialog pane gives the label one line and cuts the rest off with "...".
        hint.setMinHeight(Region.USE_PREF_SIZE);
        getDialogPane().setContent(new VBox(8, hint, list));
        WindowSizing.fit(this, owner, new WindowSizing.Size(460, 320), new WindowSizing.Size(620, 460));
    }
}
