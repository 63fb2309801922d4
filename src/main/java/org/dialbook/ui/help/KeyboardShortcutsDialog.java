package org.dialbook.ui.help;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.dialbook.ui.common.WindowSizing;

/** Help → Keyboard shortcuts: every shortcut, grouped by menu. */
public final class KeyboardShortcutsDialog extends Dialog<Void> {

    public KeyboardShortcutsDialog(Window owner, List<KeyboardShortcuts.Shortcut> shortcuts) {
        WindowSizing.fit(this, owner, new WindowSizing.Size(420, 300), new WindowSizing.Size(560, 560));
        setTitle("Keyboard shortcuts");
        setHeaderText("Keyboard shortcuts");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);

        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(24);
        grid.setVgap(4);
        grid.setPadding(new Insets(4, 12, 12, 4));
        ColumnConstraints action = new ColumnConstraints();
        action.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(action, new ColumnConstraints());
        int row = 0;
        String group = null;
        for (KeyboardShortcuts.Shortcut shortcut : shortcuts) {
            if (!Objects.equals(group, shortcut.group())) {
                group = shortcut.group();
                Label heading = new Label(group);
                heading.setStyle("-fx-font-weight: bold;");
                heading.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
                grid.add(heading, 0, row++, 2, 1);
            }
            Label keys = new Label(shortcut.keys());
            keys.setStyle("-fx-font-family: monospace;");
            grid.add(new Label(shortcut.action()), 0, row);
            grid.add(keys, 1, row++);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(520, 26.0 * row));
        scroll.setPrefViewportWidth(460);
        getDialogPane().setContent(scroll);
    }
}
