package org.dialbook.ui.contacts;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

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

    private HeaderWidths() {
    }

    static void keepWhole(TableView<?> table) {
        table.needsLayoutProperty().addListener((observable, was, needs) -> {
            if (!needs) {
                fit(table);
            }
        });
    }

    private static void fit(TableView<?> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.getTableColumn().isResizable() && header.lookup(".label") instanceof Label label) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                double wanted = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                        + (column.isSortable() ? SORT_ARROW : 0));
                // Only a real change: setting the same width again would ask for another layout forever.
                if (Math.abs(column.getMinWidth() - wanted) >= 1) {
                    column.setMinWidth(wanted);
                }
            }
        }
    }
}
