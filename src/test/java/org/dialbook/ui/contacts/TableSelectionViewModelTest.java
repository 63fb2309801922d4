package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.dialbook.api.Contact;
import org.dialbook.api.ListQuery;
import org.dialbook.exporter.ExportScope;
import org.junit.jupiter.api.Test;

/** The table's selection without the FX thread: page rows, "all N matching", and what each action acts on. */
class TableSelectionViewModelTest {
    private static final int PAGE = 3;
    private static final int MATCHING = 45;

    private final TableSelectionViewModel selection = new TableSelectionViewModel();
    private final List<ContactRow> page = List.of(row('a', "Asha"), row('b', "Ravi"), row('c', "Meera"));

    private static ContactRow row(char sid, String name) {
        return new ContactRow(new Contact(String.valueOf(sid).repeat(32), "+91981234567" + (sid - 'a'), name, null,
                null, null, null, null, null, null, "sandbox", "/x", null));
    }

    @Test
    void nothingSelectedActsOnNothingAndShowsNoBar() {
        assertThat(selection.target(MATCHING).count()).isZero();
        assertThat(selection.contacts()).isEmpty();
        assertThat(selection.exportScope(ListQuery.firstPage(), MATCHING)).isNull();
        assertThat(selection.banner(PAGE, MATCHING).visible()).isFalse();
    }

    @Test
    void selectedRowsAreWhatDeleteEditCopyAndExportActOn() {
        selection.selectionChanged(page.subList(0, 2), true);

        BulkActions.Target target = selection.target(MATCHING);
        assertThat(target.allMatching()).isFalse();
        assertThat(target.count()).isEqualTo(2);
        assertThat(target.sids()).containsExactly("a".repeat(32), "b".repeat(32));
        assertThat(selection.contacts()).extracting(Contact::firstName).containsExactly("Asha", "Ravi");
        assertThat(selection.exportScope(ListQuery.firstPage(), MATCHING)).isEqualTo(
                ExportScope.selection(selection.contacts()));
        assertThat(selection.banner(PAGE, MATCHING).visible()).as("not the whole page").isFalse();
    }

    @Test
    void theWholePageOffersAllMatchingAndAllMatchingOffersThePageBack() {
        selection.selectionChanged(page, true);
        assertThat(selection.banner(PAGE, MATCHING)).isEqualTo(new TableSelectionViewModel.Banner(true,
                "All 3 contacts on this page are selected.", "Select all 45 matching contacts"));
        assertThat(selection.banner(PAGE, PAGE).visible()).as("nothing more matches").isFalse();

        selection.selectAllMatching();
        selection.selectionChanged(page, false);

        assertThat(selection.allMatching()).isTrue();
        assertThat(selection.banner(PAGE, MATCHING)).isEqualTo(new TableSelectionViewModel.Banner(true,
                "All 45 contacts matching the search and filter are selected.", "Select only this page"));
        BulkActions.Target target = selection.target(MATCHING);
        assertThat(target.allMatching()).isTrue();
        assertThat(target.count()).isEqualTo(MATCHING);
        ListQuery query = ListQuery.firstPage().withName("ash");
        assertThat(selection.exportScope(query, MATCHING))
                .isEqualTo(new ExportScope.Query(query, "all 45 matching contacts"));

        selection.selectOnlyPage();
        assertThat(selection.target(MATCHING).count()).isEqualTo(PAGE);
        assertThat(selection.banner(PAGE, MATCHING).link()).isEqualTo("Select all 45 matching contacts");
    }

    @Test
    void aSelectionTheUserChangesEndsAllMatchingOneTheViewMakesKeepsIt() {
        selection.selectAllMatching();
        selection.selectionChanged(page, false);
        assertThat(selection.allMatching()).isTrue();

        selection.selectionChanged(page.subList(0, 1), true);

        assertThat(selection.allMatching()).isFalse();
        assertThat(selection.target(MATCHING).count()).isEqualTo(1);
    }

    @Test
    void allMatchingReselectsEveryLoadedRow() {
        assertThat(selection.needsReselect()).isFalse();
        selection.selectAllMatching();

        assertThat(selection.needsReselect()).isTrue();
        assertThat(page).allMatch(selection::reselects);
    }

    @Test
    void afterABulkActionOnlyTheFailedRowsStaySelectedAndAllMatchingEnds() {
        selection.selectAllMatching();
        selection.selectionChanged(page, false);

        selection.bulkActionEnded(Set.of("b".repeat(32)));

        assertThat(selection.allMatching()).isFalse();
        assertThat(selection.needsReselect()).isTrue();
        assertThat(page).filteredOn(selection::reselects).extracting(ContactRow::sid).containsExactly("b".repeat(32));

        selection.bulkActionEnded(Set.of());
        assertThat(selection.needsReselect()).as("all succeeded: nothing to select again").isFalse();
    }

    @Test
    void aNewContactIsSelectedWhenItsPageLoads() {
        selection.reselectAfterLoad("c".repeat(32));

        assertThat(page).filteredOn(selection::reselects).extracting(ContactRow::sid).containsExactly("c".repeat(32));
    }

    @Test
    void aReloadOfThePageSelectsTheUsersRowsAgain() {
        selection.selectionChanged(page.subList(1, 3), true);
        // A sync replaces the rows: the table clears its selection, which is not the user's doing.
        selection.selectionChanged(List.of(), false);

        List<ContactRow> reloaded = List.of(row('a', "Asha"), row('b', "Ravi"), row('c', "Meera"));
        assertThat(selection.needsReselect()).isTrue();
        assertThat(reloaded).filteredOn(selection::reselects).extracting(ContactRow::sid)
                .containsExactly("b".repeat(32), "c".repeat(32));

        selection.selectionChanged(List.of(), true);
        assertThat(selection.needsReselect()).as("the user cleared it").isFalse();
    }

    @Test
    void afterABulkActionOnlyTheFailedRowsStaySelected() {
        selection.selectionChanged(page, true);
        selection.bulkActionEnded(Set.of("c".repeat(32)));

        assertThat(page).filteredOn(selection::reselects).extracting(ContactRow::sid).containsExactly("c".repeat(32));
    }
}
