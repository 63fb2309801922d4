package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.SortBy;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contacts ViewModel against a real in-memory sandbox, on the test thread. */
class ContactsViewModelTest {
    private static SandboxFixture sandbox;
    private List<Contact> seeded;
    private RecordingDialogService dialogs;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void seed() {
        seeded = sandbox.reset(45);
        dialogs = new RecordingDialogService();
    }

    private ContactsViewModel viewModel(CurrentThreadTaskExecutor executor) {
        ContactsViewModel viewModel = new ContactsViewModel(sandbox.client, executor, dialogs, "IN");
        viewModel.start();
        return viewModel;
    }

    @Test
    void pagesThroughTwentyAtATimeWithTheServersTotal() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());

        assertThat(viewModel.rows()).hasSize(20);
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(45);
        assertThat(viewModel.pages().pageCountProperty().get()).isEqualTo(3);
        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Alpha00");

        viewModel.pages().next();
        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Alpha20");
        viewModel.pages().last();
        assertThat(viewModel.rows()).hasSize(5);
        assertThat(viewModel.pages().pageIndexProperty().get()).isEqualTo(2);
        viewModel.pages().goTo(99);
        assertThat(viewModel.pages().pageIndexProperty().get()).isEqualTo(2);
    }

    @Test
    void rapidClicksCollapseIntoOneLoadAndSeenPagesComeFromTheCache() {
        CurrentThreadTaskExecutor executor = CurrentThreadTaskExecutor.withManualTimers();
        ContactsViewModel viewModel = viewModel(executor);
        executor.runTimers();
        int afterFirstPage = executor.executedCount();
        assertThat(viewModel.pages().isCached(1)).as("the next page is prefetched").isTrue();

        viewModel.pages().last();
        viewModel.pages().goTo(2);
        viewModel.pages().last();
        assertThat(executor.runTimers()).as("only the last request survives the delay").isEqualTo(1);
        assertThat(viewModel.pages().pageIndexProperty().get()).isEqualTo(2);
        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Alpha40");

        int beforeGoingBack = executor.executedCount();
        viewModel.pages().first();
        assertThat(executor.runTimers()).isZero();
        assertThat(executor.executedCount()).as("page 1 is served from the cache").isEqualTo(beforeGoingBack);
        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Alpha00");
        assertThat(afterFirstPage).isGreaterThan(0);
    }

    @Test
    void refreshForgetsTheCache() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        sandbox.client.updateContact(seeded.get(0).sid(), ContactPatch.empty().with(ContactField.FIRST_NAME, "Changed"));
        viewModel.pages().next();
        viewModel.pages().first();
        assertThat(viewModel.rows().get(0).contact().firstName()).as("cached until refresh").isEqualTo("Alpha00");

        viewModel.refresh();

        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Changed");
    }

    @Test
    void searchesByNameAndSortsOnTheServer() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());

        viewModel.searchTextProperty().set("alpha1");
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(10);
        assertThat(viewModel.rows()).allMatch(row -> row.contact().firstName().startsWith("Alpha1"));

        viewModel.searchTextProperty().set("");
        viewModel.sortByProperty().set(new SortBy(SortBy.Field.DATE_CREATED, false));
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(45);
        assertThat(viewModel.rows().get(0).contact().firstName()).isEqualTo("Alpha44");
    }

    @Test
    void inlineEditSendsOnePutAndMarksTheRowSaved() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        ContactRow row = viewModel.rows().get(3);

        viewModel.commitEdit(row, ContactField.TAG, "Gold");

        assertThat(row.status()).isEqualTo(RowStatus.SAVED);
        assertThat(row.contact().tag()).isEqualTo("Gold");
        assertThat(sandbox.client.getContact(row.sid()).tag()).isEqualTo("Gold");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void failedEditPutsTheOldValueBackAndSaysWhy() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        ContactRow row = viewModel.rows().get(0);
        sandbox.client.deleteContact(row.sid());

        viewModel.commitEdit(row, ContactField.COMPANY_NAME, "Globex");

        assertThat(row.contact().companyName()).isEqualTo("Acme");
        assertThat(row.status()).isEqualTo(RowStatus.FAILED);
        assertThat(row.messageProperty().get()).contains("no longer exists");
        assertThat(dialogs.errors()).singleElement().asString().contains("Alpha00");
    }

    @Test
    void aFailedEditReplacesTheEarlierSavedNotice() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        viewModel.commitEdit(viewModel.rows().get(1), ContactField.TAG, "Gold");
        assertThat(viewModel.noticeProperty().get()).startsWith("Saved Alpha01");

        ContactRow gone = viewModel.rows().get(0);
        sandbox.client.deleteContact(gone.sid());
        viewModel.commitEdit(gone, ContactField.COMPANY_NAME, "Globex");
        assertThat(viewModel.noticeProperty().get()).startsWith("Not saved: Alpha00");

        viewModel.commitEdit(viewModel.rows().get(2), ContactField.NUMBER, "12");
        assertThat(viewModel.noticeProperty().get()).startsWith("Not saved:").doesNotContain("Saved Alpha");
    }

    @Test
    void numberEditsAreCheckedAndWrittenInE164BeforeSending() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        ContactRow row = viewModel.rows().get(1);
        String before = row.contact().number();

        viewModel.commitEdit(row, ContactField.NUMBER, "12");
        assertThat(row.status()).isEqualTo(RowStatus.FAILED);
        assertThat(sandbox.client.getContact(row.sid()).number()).isEqualTo(before);
        // The contact package's phone rule says why, as the import does.
        assertThat(dialogs.errors()).singleElement().asString().contains("'12' is too short");

        viewModel.commitEdit(row, ContactField.NUMBER, "098450 12345");
        assertThat(sandbox.client.getContact(row.sid()).number()).isEqualTo("+919845012345");
    }

    @Test
    void createsAContactAndShowsItSaved() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        Contact[] created = new Contact[1];

        viewModel.create(NewContact.builder("+919900011122").firstName("Zed").build(), contact -> created[0] = contact);

        assertThat(created[0]).isNotNull();
        assertThat(sandbox.client.getContact(created[0].sid()).firstName()).isEqualTo("Zed");
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(46);
        assertThat(viewModel.rows()).as("the new contact is on screen: the last page, where it sorts")
                .anyMatch(row -> row.sid().equals(created[0].sid()));
        assertThat(viewModel.pages().pageIndexProperty().get()).isEqualTo(2);
    }

    @Test
    void bulkEditOfAllMatchingWalksEveryPage() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        viewModel.searchTextProperty().set("Alpha");
        BulkActions actions = new BulkActions(viewModel);
        BulkOperations.Outcome[] result = new BulkOperations.Outcome[1];

        actions.update(actions.allMatching(), ContactPatch.empty().with(ContactField.TAG, "wave2"),
                outcome -> result[0] = outcome);

        assertThat(dialogs.questions()).singleElement().asString().contains("45 contacts");
        assertThat(result[0].succeeded()).hasSize(45);
        assertThat(sandbox.client.streamContacts(ListQuery.firstPage()).map(Contact::tag)).containsOnly("wave2");
    }

    @Test
    void bulkEditReportsEachRowsOutcome() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        List<ContactRow> selected = List.copyOf(viewModel.rows().subList(0, 4));
        sandbox.client.deleteContact(selected.get(2).sid());
        BulkOperations.Outcome[] result = new BulkOperations.Outcome[1];

        new BulkActions(viewModel).update(BulkActions.Target.rows(selected),
                ContactPatch.empty().with(ContactField.COMPANY_NAME, (String) null), outcome -> result[0] = outcome);

        assertThat(result[0].succeeded()).hasSize(3);
        assertThat(result[0].failed()).containsOnlyKeys(selected.get(2).sid());
        assertThat(sandbox.client.getContact(selected.get(0).sid()).companyName()).isNull();
        assertThat(dialogs.errors()).singleElement().asString().contains("1 failed");
        assertThat(viewModel.rows().get(0).status()).isEqualTo(RowStatus.SAVED);
    }

    @Test
    void deleteAsksWithTheCountAndDoesNothingWhenDeclined() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        List<ContactRow> selected = List.copyOf(viewModel.rows().subList(0, 3));
        BulkActions actions = new BulkActions(viewModel);

        dialogs.answering(false);
        actions.delete(BulkActions.Target.rows(selected), outcome -> { });
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(45);

        dialogs.answering(true);
        actions.delete(BulkActions.Target.rows(selected), outcome -> { });
        assertThat(dialogs.questions()).hasSize(2).allMatch(question -> question.contains("Delete 3 contacts"));
        assertThat(viewModel.pages().totalProperty().get()).isEqualTo(42);
    }

    @Test
    void serverErrorsShowAsAMessageNotAHang() {
        ContactsViewModel viewModel = viewModel(new CurrentThreadTaskExecutor());
        sandbox.server.faults().serverErrorFraction(1.0);

        viewModel.refresh();

        assertThat(viewModel.pages().errorProperty().get()).contains("server had a problem");
        assertThat(viewModel.pages().loadingProperty().get()).isFalse();
        sandbox.server.faults().reset();
        viewModel.refresh();
        assertThat(viewModel.pages().errorProperty().get()).isEmpty();
    }
}
