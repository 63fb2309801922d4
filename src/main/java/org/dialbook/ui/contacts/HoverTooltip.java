package org.dialbook.ui.contacts;

import java.util.function.Supplier;
import javafx.scene.control.Cell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A cell's tooltip, made when the pointer first enters the cell rather than each time the cell
 * shows a row: a Tooltip is a popup window with its own styling, and making one per date and custom
 * field cell (with its text, such as pretty-printed JSON) cost the first page about 20 ms (issue 14),
 * for tooltips that are mostly never seen.
 */
final class HoverTooltip {
    private final Cell<?> cell;
    private final String style;
    private Supplier<String> text;

    /** Call from the cell's constructor (or a field initialiser); {@code style} may be null. */
    HoverTooltip(Cell<?> cell, String style) {
        this.cell = cell;
        this.style = style;
        cell.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> show());
    }

    /** The text for the row the cell now shows, made only if the tooltip is shown; null for none. */
    void setText(Supplier<String> value) {
        text = value;
        Tooltip current = cell.getTooltip();
        if (value == null) {
            cell.setTooltip(null);
        } else if (current != null) {
            // The pointer is on this cell while it shows another row (a scroll, a reload).
            current.setText(value.get());
        }
    }

    private void show() {
        if (text == null || cell.getTooltip() != null) {
            return;
        }
        Tooltip tooltip = new Tooltip(text.get());
        if (style != null) {
            tooltip.setStyle(style);
        }
        cell.setTooltip(tooltip);
    }
}
