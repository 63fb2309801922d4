package org.dialbook.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.BulkResult;
import org.dialbook.api.CampaignList;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.NewContact;
import org.dialbook.api.NewList;
import org.dialbook.api.RetryPolicy;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.ListSync;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.ReadGate;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table and the lists panel with the account's mirror, against a real sandbox: the lists' sync
 * runs after the contacts', the "Lists" column and a filter by list come from the mirror, and both
 * still work with the server stopped.
 */
class ListsFromTheMirrorTest {
    @TempDir
    Path data;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void filterByListAndListNamesComeFromTheMirrorAndWorkOffline() {
        SandboxServer server = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
        ContactsClient client = ContactsClient.builder(server.connectionSettings()).retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(2)).build();
        open.add(client);
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            contacts.add(NewContact.builder(String.format("+9198450%05d", i)).firstName("Caller" + i).build());
        }
        BulkResult<Contact> made = client.createContacts(contacts);
        List<String> sids = made.successes().stream().map(item -> item.value().sid()).toList();
        CampaignList diwali = client.lists().createList(NewList.named("Diwali callers"));
        client.lists().addContacts(diwali.sid(), sids.subList(5, 12));
        Mirror mirror = new MirrorFiles(data, Clock.systemUTC()).open(server.connectionSettings());
        open.add(0, mirror);

        CurrentThreadTaskExecutor executor = CurrentThreadTaskExecutor.withManualTimers();
        ContactsViewModel table = new ContactsViewModel(client, executor, dialogs, "IN");
        ReadGate gate = ReadGate.unlimited();
        table.attachMirror(mirror, ContactPages.of(client), gate, Clock.systemUTC());
        table.mirrorSync().setListSync(new ListSync(mirror, ListSync.Source.of(client.lists()), gate,
                Clock.systemUTC()));
        ListsPanelViewModel panel = new ListsPanelViewModel(client.lists(), mirror.lists(), executor, dialogs,
                sid -> table.listFilterProperty().set(sid));
        table.mirrorSync().alsoOnSynced(panel::showMirrored);
        table.start();
        executor.runTimers();
        assertThat(mirror.lists().knowsMembers(diwali.sid())).as("the lists' sync ran after the contacts'").isTrue();

        assertThat(panel.entries()).extracting(ListsPanelViewModel.Entry::label)
                .containsExactly("All contacts", "Diwali callers (7)");

        panel.selectedProperty().set(panel.entries().get(1));
        executor.runTimers();
        executor.runTimers();
        assertThat(table.rows()).hasSize(7);
        assertThat(table.pages().totalProperty().get()).isEqualTo(7);
        assertThat(table.rows()).allSatisfy(row -> assertThat(ListNames.of(row.contact().lists()))
                .isEqualTo("Diwali callers"));

        // "Add to list…" on all N matching a search: collected from the mirror, added in chunks.
        panel.selectedProperty().set(panel.entries().get(0));
        table.searchTextProperty().set("Caller1");
        executor.runTimers();
        executor.runTimers();
        assertThat(table.pages().totalProperty().get()).isEqualTo(11);
        panel.create("Search hits");
        ListsPanelViewModel.Entry hits = panel.entries().stream().filter(e -> "Search hits".equals(e.name()))
                .findFirst().orElseThrow();
        org.dialbook.api.ListQuery shown = table.currentQuery();
        org.dialbook.mirror.MirrorQuery found = table.currentSearch();
        panel.addMatching(hits, table.pages().totalProperty().get(),
                progress -> table.matchingSids(shown, found, progress),
                () -> { });
        assertThat(panel.statusProperty().get()).isEqualTo("Added 11 contacts to 'Search hits'");
        assertThat(client.lists().streamContacts(hits.sid()).map(Contact::firstName).toList())
                .containsExactlyInAnyOrder("Caller1", "Caller10", "Caller11", "Caller12", "Caller13", "Caller14",
                        "Caller15", "Caller16", "Caller17", "Caller18", "Caller19");
        assertThat(mirror.lists().memberCount(hits.sid())).as("the mirror took the server's answers").isEqualTo(11);
        table.searchTextProperty().set("");
        executor.runTimers();

        // Offline: the server goes away; the panel and the filter still answer from the mirror.
        table.stop();
        server.close();
        ListsPanelViewModel offlinePanel = new ListsPanelViewModel(client.lists(), mirror.lists(), executor, dialogs,
                sid -> { });
        offlinePanel.reload();
        assertThat(offlinePanel.entries()).extracting(ListsPanelViewModel.Entry::label)
                .containsExactly("All contacts", "Diwali callers (7)", "Search hits (11)");
        assertThat(offlinePanel.statusProperty().get()).startsWith("Lists as last synced");

        ContactsViewModel offlineTable = new ContactsViewModel(client, executor, dialogs, "IN");
        offlineTable.pages().setMirror(mirror);
        offlineTable.listFilterProperty().set(diwali.sid());
        offlineTable.start();
        executor.runTimers();
        executor.runTimers();
        assertThat(offlineTable.rows()).extracting(row -> row.contact().firstName())
                .containsExactlyInAnyOrder("Caller5", "Caller6", "Caller7", "Caller8", "Caller9", "Caller10",
                        "Caller11");
        assertThat(offlineTable.pages().errorProperty().get()).isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }
}
