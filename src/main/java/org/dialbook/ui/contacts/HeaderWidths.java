package org.dialbook.ui.contacts;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * Keeps every resizable column at least as wide as its header: the title, its "cannot sort" mark
 * and, for a column that sorts, room for the sort arrow. Without it the constrained resize policy
 * squeezes all columns alike, and at the default window size, beside the lists panel, the headers
 * read "Nu…" and "Co…" (issue 13). The widths come from the header labels as styled, so a theme or
 * font change is measured too; they are taken again after each layout, because the marks come and
 * go when a search turns sorting on for every column.
 */
final class HeaderWidths {
    /** The sort arrow and its gap, drawn right of the title of a sorted column. */
    static final double SORT_ARROW = 18;
    /** A column property: text its cells must show whole, however the columns are squeezed. */
    private static final String WIDEST_VALUE = "dialbook.widestValue";

    private HeaderWidths() {
    }

    static void keepWhole(TableView<?> table) {
        table.needsLayoutProperty().addListener((observable, was, needs) -> {
            if (!needs) {
                fit(table);
            }
        });
    }

    /**
     * Keeps {@code column} wide enough to show {@code sample} whole (in the header's font): a phone
     * number cut to "+65846…" cannot be read or dialled.
     */
    static void showWhole(TableColumnBase<?, ?> column, String sample) {
        column.getProperties().put(WIDEST_VALUE, sample);
    }

    private static void fit(TableView<?> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.getTableColumn().isResizable() && header.lookup(".label") instanceof Label label) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                double wanted = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                        + (column.isSortable() ? SORT_ARROW : 0));
                if (column.getProperties().get(WIDEST_VALUE) instanceof String sample) {
                    Text text = new Text(sample);
                    text.setFont(label.getFont());
                    // The cell's padding is about the header's; a few pixels more for the cell's border.
                    wanted = Math.max(wanted, Math.ceil(text.getLayoutBounds().getWidth()
                            + header.snappedLeftInset() + header.snappedRightInset() + 8));
                }
                // Only a real change: setting the same width again would ask for another layout forever.
                if (Math.abs(column.getMinWidth() - wanted) >= 1) {
                    column.setMinWidth(wanted);
                }
            }
        }
    }
}
