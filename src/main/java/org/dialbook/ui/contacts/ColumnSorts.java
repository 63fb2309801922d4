package org.dialbook.ui.contacts;

import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.dialbook.api.SortBy;
import org.dialbook.mirror.MirrorSort;

/**
 * What a click on a column header sorts by. Browsing pages come from the API, which sorts by name or
 * by date created only: the other columns are not clickable and say so. A search the mirror answers
 * sorts by any of them, on the mirror.
 */
final class ColumnSorts {
    private final TableView<ContactRow> table;
    private final ContactsViewModel viewModel;
    private final Map<TableColumn<ContactRow, String>, MirrorSort> mirrorSorts;
    private final List<TableColumn<ContactRow, String>> apiSortable;
    private final TableColumn<ContactRow, String> created;

    ColumnSorts(TableView<ContactRow> table, ContactsViewModel viewModel,
            Map<TableColumn<ContactRow, String>, MirrorSort> mirrorSorts, List<TableColumn<ContactRow, String>> apiSortable) {
        this.table = table;
        this.viewModel = viewModel;
        this.mirrorSorts = mirrorSorts;
        this.apiSortable = apiSortable;
        this.created = apiSortable.get(apiSortable.size() - 1);
        table.getSortOrder().addListener((ListChangeListener<TableColumn<ContactRow, ?>>) change -> sortChanged());
        mirrorSorts.keySet().forEach(column -> column.sortTypeProperty().addListener((obs, old, now) -> sortChanged()));
        viewModel.pages().searchingProperty().addListener((obs, old, now) -> showMode(now));
        showMode(viewModel.pages().searchingMirror());
    }

    /** Marks the columns the current mode cannot sort by, and drops such a column from the sort. */
    private void showMode(boolean searching) {
        mirrorSorts.keySet().forEach(column -> {
            boolean sortable = searching || apiSortable.contains(column);
            column.setSortable(sortable);
            column.setGraphic(sortable ? null : ContactsView.unsortableMark("Exotel cannot sort by " + column.getText()
                    + ". Sort by First name (then last name) or by Created, or search to sort by any column."));
        });
        if (!searching) {
            table.getSortOrder().removeIf(column -> !column.isSortable());
        }
    }

    private void sortChanged() {
        TableColumn<ContactRow, ?> column = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        boolean descending = column != null && column.getSortType() == TableColumn.SortType.DESCENDING;
        MirrorSort mirrorSort = column == null ? MirrorSort.MIRROR : mirrorSorts.getOrDefault(column, MirrorSort.MIRROR);
        viewModel.filters().sortBy(mirrorSort, descending);
        if (column == null) {
            viewModel.sortByProperty().set(SortBy.DEFAULT);
        } else if (apiSortable.contains(column)) {
            viewModel.sortByProperty().set(new SortBy(column == created ? SortBy.Field.DATE_CREATED : SortBy.Field.NAME,
                    !descending));
        }
    }
}
