package org.dialbook.ui.importer;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * The wizard's read-only text columns. Their tables share the window's width, so a reason or an
 * action wider than its column is cut: the tooltip then shows it whole.
 */
final class TextColumns {

    private TextColumns() {
    }

    static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(view -> new TooltipCell<>());
        return column;
    }

    /** A text cell whose tooltip holds the whole value. */
    private static final class TooltipCell<S> extends TableCell<S, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }
}
