package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.NewContact;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.Facet;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.MirrorSort;
import org.dialbook.mirror.ReadGate;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.Progress;
import org.dialbook.ui.common.RecordingDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tag and company chips and the column sort of a mirror search, through the contacts ViewModel,
 * against a real sandbox and a real mirror, on the test thread.
 */
class FilterChipsTest {
    @TempDir
    Path data;
    private SandboxFixture sandbox;
    private Mirror mirror;
    private CurrentThreadTaskExecutor executor;
    private ContactsViewModel viewModel;

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start();
        sandbox.reset(45);
        List<NewContact> globex = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            globex.add(NewContact.builder(String.format("+91984501000%d", i)).firstName("Gita" + i)
                    .companyName("Globex").tag("vip").build());
        }
        sandbox.client.createContacts(globex);
        mirror = new MirrorFiles(data, Clock.systemUTC()).open(sandbox.server.connectionSettings());
        executor = CurrentThreadTaskExecutor.withManualTimers();
        viewModel = new ContactsViewModel(sandbox.client, executor, new RecordingDialogService(), "IN");
        viewModel.attachMirror(mirror, ContactPages.of(sandbox.client), ReadGate.unlimited(), Clock.systemUTC());
        viewModel.start();
        executor.runTimers();
    }

    @AfterEach
    void stop() {
        mirror.close();
        sandbox.close();
    }

    private void settle() {
        executor.runTimers();
        executor.runTimers();
    }

    private List<String> shown(java.util.function.Function<Contact, String> field) {
        return viewModel.rows().stream().map(row -> field.apply(row.contact())).toList();
    }

    @Test
    void theChipsOfferTheMirrorsTagsAndCompaniesWithTheirCounts() {
        FilterChipsViewModel filters = viewModel.filters();
        assertThat(filters.available()).isTrue();
        assertThat(filters.tags()).extracting(Facet.Value::value, Facet.Value::count)
                .containsExactly(tuple("even", 23L), tuple("odd", 22L), tuple("vip", 5L));
        assertThat(filters.companies()).extracting(Facet.Value::value, Facet.Value::count)
                .containsExactly(tuple("Acme", 45L), tuple("Globex", 5L));
        assertThat(FilterChipsViewModel.label(new Facet.Value("diwali", 1204))).isEqualTo("diwali (1,204)");
    }

    @Test
    void aChipNarrowsTheSearchAndThePagerAndTheCountFollow() {
        FilterChipsViewModel filters = viewModel.filters();
        filters.pickTag("even");
        settle();
        assertThat(viewModel.pages().searchingMirror()).as("a chip alone is a mirror search").isTrue();
        assertThat(shown(Contact::tag)).hasSize(20).containsOnly("even");
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(23);
        assertThat(viewModel.pages().pageCountProperty().get()).isEqualTo(2);

        viewModel.searchTextProperty().set("98");
        settle();
        assertThat(viewModel.pages().totalProperty().get()).as("the text and the chip together").isEqualTo(23);

        filters.pickCompany("GLOBEX");
        settle();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.pages().totalProperty().get()).isZero();

        filters.clearTag();
        settle();
        assertThat(shown(Contact::firstName)).containsExactly("Gita0", "Gita1", "Gita2", "Gita3", "Gita4");
        assertThat(filters.describe(viewModel.searchTextProperty().get())).isEqualTo("contacts at GLOBEX matching \"98\"");

        filters.clearCompany();
        viewModel.searchTextProperty().set("");
        settle();
        assertThat(viewModel.pages().searchingMirror()).as("no text and no chip: browsing on the API").isFalse();
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(50);
    }

    @Test
    void selectAllMatchingCollectsTheSameQueryAsTheTableShows() {
        viewModel.filters().pickTag("odd");
        viewModel.searchTextProperty().set("alpha1");
        settle();
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(5);

        List<Contact> all = viewModel.bulk().matchingContacts(viewModel.currentQuery(), viewModel.currentSearch(),
                viewModel.pages().mirror(), Progress.NONE);
        assertThat(all).extracting(Contact::firstName).containsExactly("Alpha11", "Alpha13", "Alpha15", "Alpha17",
                "Alpha19");
    }

    @Test
    void aMirrorSearchSortsByAnyColumn() {
        viewModel.searchTextProperty().set("98");
        settle();
        viewModel.filters().sortBy(MirrorSort.COMPANY, true);
        settle();
        assertThat(shown(Contact::companyName)).first().isEqualTo("Globex");
        viewModel.filters().sortBy(MirrorSort.NUMBER, true);
        settle();
        assertThat(shown(Contact::number)).startsWith("+919845010004", "+919845010003");
        viewModel.filters().sortBy(MirrorSort.TAG, false);
        settle();
        assertThat(shown(Contact::tag)).first().isEqualTo("even");
        viewModel.pages().last();
        executor.runTimers();
        assertThat(shown(Contact::tag)).last().isEqualTo("vip");
    }
}
