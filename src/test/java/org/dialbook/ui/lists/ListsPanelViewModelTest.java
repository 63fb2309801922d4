package org.dialbook.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ListsClient;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.SandboxFixture;
import org.dialbook.ui.lists.ListsPanelViewModel.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lists panel's ViewModel on the current thread, against the real sandbox. */
class ListsPanelViewModelTest {
    private final SandboxFixture sandbox = SandboxFixture.start();
    private final ListsClient lists = sandbox.client.lists();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> filters = new ArrayList<>();
    private final ListsPanelViewModel viewModel = new ListsPanelViewModel(lists, new CurrentThreadTaskExecutor(),
            dialogs, filters::add);

    @AfterEach
    void close() {
        sandbox.close();
    }

    private Entry entry(String name) {
        return viewModel.entries().stream().filter(e -> name.equals(e.name())).findFirst().orElseThrow();
    }

    @Test
    void createAddFilterRemoveAndDeleteWithCountsThroughout() {
        List<Contact> contacts = sandbox.reset(6);
        viewModel.reload();
        assertThat(viewModel.entries()).containsExactly(Entry.ALL);

        viewModel.create("Diwali callers");
        int[] refreshed = {0};
        viewModel.addTo(entry("Diwali callers"), contacts.subList(0, 4).stream().map(Contact::sid).toList(),
                () -> refreshed[0]++);
        assertThat(entry("Diwali callers").label()).isEqualTo("Diwali callers (4)");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Added 4 contacts to 'Diwali callers'");
        assertThat(refreshed[0]).isEqualTo(1);

        viewModel.selectedProperty().set(entry("Diwali callers"));
        assertThat(filters).last().isEqualTo(entry("Diwali callers").sid());
        viewModel.removeFromSelected(List.of(contacts.get(0).sid()), () -> { });
        assertThat(entry("Diwali callers").count()).isEqualTo(3);
        assertThat(sandbox.client.getContact(contacts.get(0).sid())).isNotNull();

        viewModel.rename(entry("Diwali callers"), "Diwali 2026");
        assertThat(viewModel.selectedProperty().get().name()).isEqualTo("Diwali 2026");

        viewModel.delete(entry("Diwali 2026"));
        assertThat(dialogs.questions()).singleElement().asString()
                .contains("Delete the list 'Diwali 2026'? Its 3 contacts stay in the book");
        assertThat(viewModel.entries()).containsExactly(Entry.ALL);
        assertThat(viewModel.selectedProperty().get()).isEqualTo(Entry.ALL);
        assertThat(filters).last().isEqualTo("");
        assertThat(sandbox.server.contactCount("sandbox")).isEqualTo(6);
    }

    @Test
    void aTakenNameAndAnUnknownContactReachTheUserAsMessages() {
        List<Contact> contacts = sandbox.reset(2);
        viewModel.create("VIP");
        viewModel.create("vip");
        assertThat(dialogs.errors()).singleElement().asString().startsWith("Could not create the list: ")
                .contains("already exists");

        viewModel.addTo(entry("VIP"), List.of(contacts.get(0).sid(), "ffffffffffffffffffffffffffffffff"), () -> { });
        assertThat(dialogs.errors()).hasSize(2).last().asString()
                .isEqualTo("Some contacts were not added: 1 of 2 contacts could not be added to 'VIP'.");
        assertThat(entry("VIP").count()).isEqualTo(1);
        assertThat(ListNames.of(sandbox.client.listContacts(org.dialbook.api.ListQuery.firstPage().withShowLists(true))
                .items().get(0).lists())).isEqualTo("VIP");
    }
}
