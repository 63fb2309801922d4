package org.dialbook.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.Previewer;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.AfterImport;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactsViewModel;
import org.dialbook.ui.contacts.UndoHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edit → History tells what happened to an import: after "Retry failed" created the rows the server
 * first refused, the entry counts them too, and its undo deletes them all. Checked on the sandbox.
 */
class ImportRetryInHistoryTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private ContactsClient client;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ContactsViewModel contacts;
    private ImportJobViewModel job;
    private ImportWizardViewModel wizard;

    @BeforeEach
    void setUp() {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
        // No client retries: the rows the sandbox refuses stay failed until "Retry failed".
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        contacts = new ContactsViewModel(client, executor, dialogs, "IN");
        contacts.start();
        AfterImport window = new AfterImport() {
            @Override
            public void contactsChanged() {
                contacts.refresh();
            }

            @Override
            public void undoable(UndoableImport finished) {
                contacts.recordImport(finished);
            }
        };
        job = new ImportJobViewModel(executor, dialogs, new Previewer(client),
                new ImportRunner(client, dir.resolve("imports")), window);
        wizard = new ImportWizardViewModel(executor, dialogs, new MappingStore(dir.resolve("mappings")), job, "IN");
    }

    @AfterEach
    void tearDown() {
        client.close();
        sandbox.close();
    }

    @Test
    void aRetryThatCreatesMoreRowsUpdatesTheEntryAndItsUndoDeletesThemAll() throws Exception {
        StringBuilder csv = new StringBuilder("number,first_name\n");
        for (int i = 0; i < 12; i++) {
            csv.append("+9198100000").append(10 + i).append(",Row").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("twelve.csv"), csv);
        wizard.openFile(file);
        wizard.next();
        wizard.next();
        wizard.next();
        // Half of each batch is refused with a per-item 429 (the seed makes it the same half every run).
        sandbox.faults().item429Fraction(0.5);
        wizard.next();
        sandbox.faults().reset();
        long first = job.resultProperty().get().summary().created();
        assertThat(first).as("some rows were refused, some created").isBetween(1L, 11L);
        assertThat(contacts.history().entries()).singleElement().extracting(UndoHistory.Entry::description)
                .isEqualTo("Import of twelve.csv (" + first + " created)");

        job.retryFailed();

        assertThat(job.resultProperty().get().summary().created()).isEqualTo(12);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(12);
        assertThat(contacts.history().entries()).as("one import, one entry").singleElement()
                .extracting(UndoHistory.Entry::description)
                .isEqualTo("Import of twelve.csv (12 created, " + (12 - first) + " of them on retry)");
        assertThat(contacts.history().undoTextProperty().get())
                .isEqualTo("Undo Import of twelve.csv (12 created, " + (12 - first) + " of them on retry)");

        contacts.undo();

        assertThat(sandbox.contactCount("sandbox")).as("the retried rows are deleted too").isZero();
        assertThat(contacts.history().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.undone()).isTrue();
            assertThat(entry.label(TIME)).endsWith("Import of twelve.csv (12 created, " + (12 - first)
                    + " of them on retry)   (undone: 12 contacts deleted.)");
        });
    }
}
