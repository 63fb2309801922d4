package org.dialbook.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.Previewer;
import org.dialbook.ui.AfterImport;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.contacts.ContactsViewModel;
import org.dialbook.ui.contacts.SandboxFixture;
import org.dialbook.ui.contacts.UndoHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished import lands in the open account's Edit → Undo / History, and its undo is spent once,
 * whether it ran from there or from the wizard's button. Checked on a real in-process sandbox.
 */
class ImportUndoInHistoryTest {
    private static final Path SAMPLE = Path.of("assets/samples/contacts-sample.csv");

    @TempDir
    Path dir;

    private SandboxFixture sandbox;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ContactsViewModel contacts;
    private ImportJobViewModel job;
    private int changes;

    @BeforeEach
    void setUp() {
        sandbox = SandboxFixture.start();
        sandbox.reset(3);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        contacts = new ContactsViewModel(sandbox.client, executor, dialogs, "IN");
        contacts.start();
        // What the main window hands the wizard: refresh the table, keep the undo in the history.
        AfterImport window = new AfterImport() {
            @Override
            public void contactsChanged() {
                changes++;
            }

            @Override
            public void undoable(UndoableImport finished) {
                contacts.recordImport(finished);
            }
        };
        job = new ImportJobViewModel(executor, dialogs, new Previewer(sandbox.client),
                new ImportRunner(sandbox.client, dir.resolve("imports")), window);
        ImportWizardViewModel wizard = new ImportWizardViewModel(executor, dialogs,
                new MappingStore(dir.resolve("mappings")), job, "IN");
        wizard.openFile(SAMPLE);
        wizard.next();
        wizard.next();
        wizard.next();
        wizard.next();
        assertThat(job.resultProperty().get().summary().created()).isEqualTo(44);
        assertThat(sandbox.server.contactCount("sandbox")).isEqualTo(47);
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    @Test
    void editUndoDeletesExactlyTheImportedContactsAndSpendsTheEntry() {
        assertThat(contacts.history().undoTextProperty().get())
                .isEqualTo("Undo Import of contacts-sample.csv (44 created)");
        assertThat(job.canUndoProperty().get()).isTrue();

        contacts.undo();

        assertThat(sandbox.server.contactCount("sandbox")).as("the three contacts that were there stay").isEqualTo(3);
        assertThat(contacts.noticeProperty().get()).isEqualTo("Undone: 44 contacts deleted.");
        assertThat(contacts.history().entries()).singleElement().satisfies(entry -> {
            assertThat(entry.description()).isEqualTo("Import of contacts-sample.csv (44 created)");
            assertThat(entry.undone()).isTrue();
        });
        assertThat(contacts.history().canUndoProperty().get()).isFalse();
        assertThat(job.canUndoProperty().get()).as("the wizard's button goes off too").isFalse();
        assertThat(job.undoneProperty().get()).isTrue();

        job.undo();
        contacts.undo();
        assertThat(dialogs.questions()).as("a spent undo asks nothing and sends nothing").isEmpty();
        assertThat(sandbox.server.contactCount("sandbox")).isEqualTo(3);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void theWizardsUndoSpendsTheHistoryEntry() {
        job.undo();

        assertThat(dialogs.questions()).singleElement().asString().contains("Delete the 44 contacts");
        assertThat(sandbox.server.contactCount("sandbox")).isEqualTo(3);
        assertThat(job.resultTextProperty().get()).isEqualTo("Undone: 44 contacts deleted.");
        assertThat(job.canUndoProperty().get()).isFalse();
        assertThat(contacts.history().entries()).singleElement().extracting(UndoHistory.Entry::undone).isEqualTo(true);
        assertThat(contacts.history().canUndoProperty().get()).isFalse();

        contacts.undo();
        assertThat(sandbox.server.contactCount("sandbox")).isEqualTo(3);
    }

    @Test
    void anUndoThatCouldNotDeleteEverythingStaysToBeRunAgain() {
        // The wizard's undo fails after the client's normal retries (the window's Edit → Undo would
        // ride out the outage instead), so some contacts are left.
        sandbox.server.faults().serverErrorFraction(1.0);
        job.undo();
        sandbox.server.faults().reset();

        assertThat(job.resultTextProperty().get()).contains("could not be deleted (undo again to retry)");
        assertThat(contacts.history().canUndoProperty().get()).isTrue();
        assertThat(job.canUndoProperty().get()).isTrue();

        contacts.undo();
        assertThat(sandbox.server.contactCount("sandbox")).isEqualTo(3);
        assertThat(contacts.history().canUndoProperty().get()).isFalse();
        assertThat(job.canUndoProperty().get()).isFalse();
    }
}
