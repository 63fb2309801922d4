package org.dialbook.ui.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.exporter.ExportScope;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.TestClock;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.DialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export… without the FX thread: the ViewModel on the real sandbox, tasks on this thread. */
class ExportViewModelTest {
    private SandboxServer sandbox;
    private ContactsClient client;
    private List<Contact> contacts;
    private final Dialogs dialogs = new Dialogs();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().seed(2).build());
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
        contacts = client.createContacts(List.of(
                NewContact.builder("+919101234510").firstName("Asha").build(),
                NewContact.builder("+919101234511").firstName("Ravi").build(),
                NewContact.builder("+919101234512").firstName("Ashok").build())).items().stream()
                .map(item -> item.value()).toList();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void withoutSearchOrSelectionOnlyAllIsOffered() {
        ExportViewModel viewModel = new ExportViewModel(client, new CurrentThreadTaskExecutor(), dialogs, null, null);

        assertThat(viewModel.choiceProperty().get()).isEqualTo(ExportViewModel.Choice.ALL);
        assertThat(viewModel.available(ExportViewModel.Choice.SEARCH)).isFalse();
        assertThat(viewModel.available(ExportViewModel.Choice.SELECTION)).isFalse();
        assertThat(viewModel.canExportBinding().get()).as("no file chosen yet").isFalse();
        viewModel.fileProperty().set(dir.resolve("x.csv"));
        assertThat(viewModel.canExportBinding().get()).isTrue();
    }

    @Test
    void exportsTheSelectionByDefaultWhenThereIsOne() throws Exception {
        ExportViewModel viewModel = new ExportViewModel(client, new CurrentThreadTaskExecutor(), dialogs,
                ExportScope.search("ash"), ExportScope.selection(List.of(contacts.get(1))));
        Path out = dir.resolve("selected.csv");
        viewModel.fileProperty().set(out);

        viewModel.export();

        assertThat(viewModel.describe(ExportViewModel.Choice.SELECTION)).isEqualTo("1 selected contact");
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).hasSize(2).element(1).asString()
                .startsWith("+919101234511,Ravi,");
        assertThat(viewModel.finishedProperty().get()).isTrue();
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Exported 1 contact.");
        assertThat(dialogs.infos).containsExactly("Export finished: Exported 1 contact to\n" + out);
        assertThat(viewModel.canExportBinding().get()).as("done: the dialog closes").isFalse();
    }

    @Test
    void exportsTheCurrentSearchWithAByteOrderMark() throws Exception {
        ExportScope search = new ExportScope.Query(ListQuery.firstPage().withName("ash"), "contacts matching \"ash\"");
        ExportViewModel viewModel = new ExportViewModel(client, new CurrentThreadTaskExecutor(), dialogs, search, null);
        Path out = dir.resolve("search.csv");
        viewModel.fileProperty().set(out);
        viewModel.byteOrderMarkProperty().set(true);
        viewModel.systemColumnsProperty().set(false);

        viewModel.export();

        assertThat(viewModel.choiceProperty().get()).isEqualTo(ExportViewModel.Choice.SEARCH);
        assertThat(viewModel.describe(ExportViewModel.Choice.SEARCH)).isEqualTo("Contacts matching \"ash\"");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFFnumber,first_name,last_name,company_name,email,tag\r\n"
                        + "+919101234510,Asha,,,,\r\n+919101234512,Ashok,,,,\r\n");
    }

    @Test
    void aRefusedExportIsShownAndLeavesNoFile() {
        ContactsClient refused = ContactsClient.builder(ConnectionSettings.forBaseUrl(
                sandbox.baseUrl().toString(), "sandbox", "wrong-key", "wrong-token")).retryPolicy(RetryPolicy.none()).build();
        ExportViewModel viewModel = new ExportViewModel(refused, new CurrentThreadTaskExecutor(), dialogs, null, null);
        viewModel.fileProperty().set(dir.resolve("never.csv"));

        viewModel.export();
        refused.close();

        assertThat(dialogs.errors).hasSize(1).first().asString().startsWith("Export failed: ");
        assertThat(viewModel.statusProperty().get()).isEqualTo("The export failed; no file was written.");
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.finishedProperty().get()).isFalse();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anOutagePausesTheExportAndCancelEndsItWithNoFile() {
        TestClock clock = TestClock.fixed();
        ExportViewModel[] viewModel = new ExportViewModel[1];
        ContactsClient paused = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.none())
                .clock(clock).sleeper(duration -> {
                    clock.sleep(duration);
                    if (clock.sleeps().size() == 3) {
                        viewModel[0].cancel();
                    }
                }).build();
        sandbox.close();
        viewModel[0] = new ExportViewModel(paused, new CurrentThreadTaskExecutor(), dialogs, null, null);
        viewModel[0].fileProperty().set(dir.resolve("never.csv"));

        viewModel[0].export();
        paused.close();

        // It waited for the server (outage waits of 5 s), rather than failing at once, until Cancel.
        assertThat(clock.sleeps()).hasSize(3).allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(5)));
        assertThat(dialogs.errors).isEmpty();
        assertThat(viewModel[0].statusProperty().get()).isEqualTo("Cancelled; no file was written.");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void suggestsADatedFileName() {
        assertThat(ExportViewModel.suggestedFileName(LocalDate.of(2026, 11, 26))).isEqualTo("dialbook-contacts-2026-11-26.csv");
    }

    /** Records what the user would have been shown. */
    private static final class Dialogs implements DialogService {
        final List<String> errors = new ArrayList<>();
        final List<String> infos = new ArrayList<>();

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
            infos.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            throw new AssertionError("the export asks no questions");
        }
    }
}
