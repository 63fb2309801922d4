package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ListQuery;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edit → Undo reverses edits, bulk edits and deletes through the API, checked on a real sandbox. */
class UndoTest {
    private static SandboxFixture sandbox;
    private RecordingDialogService dialogs;
    private ContactsViewModel viewModel;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void open() {
        sandbox.reset(30);
        dialogs = new RecordingDialogService().answering(true);
        viewModel = new ContactsViewModel(sandbox.client, new CurrentThreadTaskExecutor(), dialogs, "IN");
        viewModel.start();
    }

    @Test
    void undoOfAnInlineEditPutsTheOldValueBackOnTheServer() {
        ContactRow row = viewModel.rows().get(2);
        viewModel.commitEdit(row, ContactField.COMPANY_NAME, "Globex");
        viewModel.commitEdit(viewModel.rows().get(3), ContactField.TAG, "gold");
        assertThat(viewModel.history().undoTextProperty().get()).isEqualTo("Undo Edit tag of Alpha03 Rao (+919810000003)");

        viewModel.undo();
        assertThat(sandbox.client.getContact(viewModel.rows().get(3).sid()).tag()).isEqualTo("odd");
        assertThat(sandbox.client.getContact(row.sid()).companyName()).as("only the newest change").isEqualTo("Globex");

        viewModel.undo();
        assertThat(sandbox.client.getContact(row.sid()).companyName()).isEqualTo("Acme");
        assertThat(viewModel.history().canUndoProperty().get()).isFalse();
        assertThat(viewModel.history().entries()).hasSize(2).allMatch(UndoHistory.Entry::undone);
        assertThat(viewModel.noticeProperty().get()).startsWith("Undone:");
    }

    @Test
    void undoOfABulkEditRestoresEachContactsOwnValue() {
        List<ContactRow> selected = List.copyOf(viewModel.rows().subList(0, 4));
        Map<String, String> tagsBefore = selected.stream().collect(Collectors.toMap(ContactRow::sid, row -> row.contact().tag()));

        new BulkActions(viewModel).update(BulkActions.Target.rows(selected),
                ContactPatch.empty().with(ContactField.TAG, "wave2").with(ContactField.COMPANY_NAME, (String) null),
                outcome -> { });
        assertThat(sandbox.client.getContact(selected.get(0).sid()).tag()).isEqualTo("wave2");

        viewModel.undo();

        for (ContactRow row : selected) {
            Contact now = sandbox.client.getContact(row.sid());
            assertThat(now.tag()).isEqualTo(tagsBefore.get(row.sid()));
            assertThat(now.companyName()).isEqualTo("Acme");
        }
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Undone: 4 of 4 contacts restored");
        // History says what the undo did, not only that it ran.
        assertThat(viewModel.history().entries()).singleElement().satisfies(entry -> assertThat(
                entry.label(DateTimeFormatter.ISO_LOCAL_TIME))
                .endsWith("Bulk edit of 4 contacts   (undone: 4 of 4 contacts restored)"));
    }

    @Test
    void undoOfADeleteCreatesTheContactsAgainWithTheSameFieldsAndSaysTheIdsChanged() {
        List<ContactRow> selected = List.copyOf(viewModel.rows().subList(5, 8));
        Map<String, Contact> before = selected.stream().map(ContactRow::contact)
                .collect(Collectors.toMap(Contact::number, Function.identity()));

        new BulkActions(viewModel).delete(BulkActions.Target.rows(selected), outcome -> { });
        assertThat(total()).isEqualTo(27);

        viewModel.undo();

        assertThat(total()).isEqualTo(30);
        Map<String, Contact> after = sandbox.client.streamContacts(ListQuery.firstPage())
                .filter(contact -> before.containsKey(contact.number()))
                .collect(Collectors.toMap(Contact::number, Function.identity()));
        assertThat(after).hasSize(3);
        after.forEach((number, contact) -> {
            Contact old = before.get(number);
            assertThat(contact.sid()).isNotEqualTo(old.sid());
            assertThat(List.of(contact.firstName(), contact.lastName(), contact.companyName(), contact.tag()))
                    .isEqualTo(List.of(old.firstName(), old.lastName(), old.companyName(), old.tag()));
        });
        assertThat(viewModel.noticeProperty().get()).contains("3 of 3").contains("new IDs");
    }

    @Test
    void theHistoryKeepsTheLastTwentyChanges() {
        ContactRow row = viewModel.rows().get(0);
        for (int i = 0; i < 25; i++) {
            viewModel.commitEdit(row, ContactField.TAG, "t" + i);
        }
        assertThat(viewModel.history().entries()).hasSize(UndoHistory.LIMIT);
        assertThat(viewModel.history().entries().get(0).description()).startsWith("Edit tag of");
    }

    private long total() {
        return sandbox.client.streamContacts(ListQuery.firstPage()).count();
    }
}
