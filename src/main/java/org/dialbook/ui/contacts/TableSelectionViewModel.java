package org.dialbook.ui.contacts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dialbook.api.Contact;
import org.dialbook.api.ListQuery;
import org.dialbook.exporter.ExportScope;

/**
 * What the contacts table has selected: the rows on this page, or "all N matching" the search and
 * filter. The Delete button, the Delete key, bulk edit, Export and Copy all ask this one object, so
 * "all matching" means the same to each. The view reports the table's selection here and asks which
 * rows to select again after a page load; nothing here touches the scene graph.
 */
public final class TableSelectionViewModel {
    private final Set<String> reselect = new HashSet<>();
    /** The rows the user chose, by sid: a reload of the page (a sync, F5, an import) selects them again. */
    private Set<String> chosen = Set.of();
    private List<ContactRow> rows = List.of();
    private boolean allMatching;

    /** What the selection bar above the table says; hidden when {@code visible} is false. */
    public record Banner(boolean visible, String label, String link) {
        static final Banner HIDDEN = new Banner(false, "", "");
    }

    /**
     * The table's selection changed. A change the user made ends "all matching"; one the view made
     * itself (selecting every row for "all matching", or re-selecting after a load) keeps it.
     */
    public void selectionChanged(List<ContactRow> selected, boolean byUser) {
        // A copy, not List.copyOf: the table's selected items can hold a null while its rows are replaced.
        rows = Collections.unmodifiableList(new ArrayList<>(selected));
        if (byUser) {
            allMatching = false;
            reselect.clear();
            Set<String> sids = new HashSet<>();
            for (ContactRow row : rows) {
                if (row != null) {
                    sids.add(row.sid());
                }
            }
            chosen = Collections.unmodifiableSet(sids);
        }
    }

    /** "Select all N matching contacts": the view then selects every row of the page. */
    public void selectAllMatching() {
        allMatching = true;
    }

    /** "Select only this page": the rows stay selected, "all matching" ends. */
    public void selectOnlyPage() {
        allMatching = false;
    }

    public boolean allMatching() {
        return allMatching;
    }

    /** The selected rows of this page, in table order. */
    public List<ContactRow> rows() {
        return rows;
    }

    /** The selected rows' contacts, for Copy and for an export of the selection. */
    public List<Contact> contacts() {
        return rows.stream().map(ContactRow::contact).toList();
    }

    /** Whom Delete and bulk edit act on: every matching contact, or the selected rows. */
    public BulkActions.Target target(int matchingTotal) {
        return allMatching ? BulkActions.Target.allMatching(matchingTotal) : BulkActions.Target.rows(rows);
    }

    /** What an export of "the selection" means, or null when nothing is selected. */
    public ExportScope exportScope(ListQuery query, int matchingTotal) {
        if (allMatching) {
            return new ExportScope.Query(query, "all " + matchingTotal + " matching contacts");
        }
        List<Contact> contacts = contacts();
        return contacts.isEmpty() ? null : ExportScope.selection(contacts);
    }

    /**
     * A bulk action ended: the rows that failed stay selected (so the user can see and retry them),
     * and "all matching" ends, since what matched has changed.
     */
    public void bulkActionEnded(Set<String> failedSids) {
        reselect.clear();
        reselect.addAll(failedSids);
        chosen = Set.of();
        allMatching = false;
    }

    /** A new contact was created: select it when its page shows. */
    public void reselectAfterLoad(String sid) {
        reselect.clear();
        reselect.add(sid);
        chosen = Set.of();
    }

    /** Whether the view must redo the table's selection after the rows changed. */
    public boolean needsReselect() {
        return allMatching || !reselect.isEmpty() || !chosen.isEmpty();
    }

    /** Whether {@code row} is selected again after a load. */
    public boolean reselects(ContactRow row) {
        return allMatching || reselect.contains(row.sid()) || chosen.contains(row.sid());
    }

    /**
     * The bar above the table: shown when every row of the page is selected and more match (offering
     * all of them), or when all matching are selected (offering this page only).
     */
    public Banner banner(int pageRows, int matchingTotal) {
        int selected = rows.size();
        if (allMatching) {
            return new Banner(true, "All " + matchingTotal + " contacts matching the search and filter are selected.",
                    "Select only this page");
        }
        boolean wholePage = selected > 0 && selected == pageRows && matchingTotal > selected;
        if (wholePage) {
            return new Banner(true, "All " + selected + " contacts on this page are selected.",
                    "Select all " + matchingTotal + " matching contacts");
        }
        return Banner.HIDDEN;
    }
}
