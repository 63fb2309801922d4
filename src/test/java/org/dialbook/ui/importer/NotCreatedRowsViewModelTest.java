package org.dialbook.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.Previewer;
import org.dialbook.importer.ResultRows;
import org.dialbook.importer.RowOutcome;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result page's list of rows not created, read page by page from a real import's journal on the sandbox. */
class NotCreatedRowsViewModelTest {
    private static final Path SAMPLE = Path.of("assets/samples/contacts-sample.csv");

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private ContactsClient client;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private ImportJobViewModel job;
    private ImportWizardViewModel wizard;

    @BeforeEach
    void setUp() {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
        job = new ImportJobViewModel(executor, dialogs, new Previewer(client),
                new ImportRunner(client, dir.resolve("imports")), () -> { });
        wizard = new ImportWizardViewModel(executor, dialogs, new MappingStore(dir.resolve("mappings")), job, "IN");
    }

    @AfterEach
    void tearDown() {
        client.close();
        sandbox.close();
    }

    private void importFile(Path file) {
        importFile(file, () -> { });
    }

    /** Walks the wizard; {@code beforeSending} runs after the check, just before the import starts. */
    private void importFile(Path file, Runnable beforeSending) {
        wizard.openFile(file);
        wizard.next();
        wizard.next();
        wizard.next();
        beforeSending.run();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.RESULT);
    }

    @Test
    void listsTheInvalidAndSkippedRowsOfTheSampleWithReasonsAndFilters() {
        importFile(SAMPLE);
        NotCreatedRowsViewModel rows = job.notCreated();

        assertThat(rows.countProperty(RowOutcome.INVALID).get()).isEqualTo(5);
        assertThat(rows.countProperty(RowOutcome.SKIPPED).get()).isEqualTo(1);
        assertThat(rows.countProperty(RowOutcome.FAILED).get()).isZero();
        assertThat(rows.rows()).hasSize(6).extracting(ResultRows.Row::row).isSorted();
        assertThat(rows.rows()).extracting(ResultRows.Row::outcome).containsOnly(RowOutcome.INVALID, RowOutcome.SKIPPED);
        assertThat(rows.rows()).allSatisfy(row -> assertThat(row.detail()).isNotBlank());
        assertThat(rows.rows()).filteredOn(row -> row.outcome() == RowOutcome.SKIPPED).singleElement()
                .satisfies(row -> assertThat(row.detail()).contains("duplicate"));
        assertThat(rows.rows()).filteredOn(row -> row.row() == 15).singleElement()
                .satisfies(row -> assertThat(row.values()).isNotEmpty());
        assertThat(rows.pageTextProperty().get()).isEqualTo("Rows 1–6 of 6");
        assertThat(rows.hasNextProperty().get()).isFalse();

        rows.shownProperty(RowOutcome.INVALID).set(false);
        assertThat(rows.rows()).singleElement().extracting(ResultRows.Row::outcome).isEqualTo(RowOutcome.SKIPPED);
        assertThat(rows.totalProperty().get()).isEqualTo(1);
        rows.shownProperty(RowOutcome.SKIPPED).set(false);
        assertThat(rows.rows()).isEmpty();
        assertThat(rows.pageTextProperty().get()).isEmpty();
        assertThat(rows.errorProperty().get()).isEmpty();
    }

    @Test
    void pagesThroughManyRowsHoldingOnlyOnePage() throws Exception {
        StringBuilder csv = new StringBuilder("number,first_name\n");
        for (int i = 0; i < 450; i++) {
            csv.append("not-a-number-").append(i).append(",Row").append(i).append('\n');
        }
        csv.append("+919810000001,Valid\n");
        Path file = Files.writeString(dir.resolve("many.csv"), csv);
        importFile(file);
        NotCreatedRowsViewModel rows = job.notCreated();

        assertThat(rows.totalProperty().get()).isEqualTo(450);
        assertThat(rows.rows()).hasSize(NotCreatedRowsViewModel.PAGE_SIZE);
        assertThat(rows.rows().get(0).row()).isEqualTo(2);
        assertThat(rows.hasPreviousProperty().get()).isFalse();

        rows.nextPage();
        assertThat(rows.pageTextProperty().get()).isEqualTo("Rows 201–400 of 450");
        assertThat(rows.rows().get(0).row()).isEqualTo(202);
        rows.nextPage();
        assertThat(rows.rows()).hasSize(50);
        assertThat(rows.rows().get(49).row()).isEqualTo(451);
        assertThat(rows.hasNextProperty().get()).isFalse();
        rows.previousPage();
        assertThat(rows.offsetProperty().get()).isEqualTo(200);
    }

    @Test
    void rowsTheServerRefusedAreListedWithTheError() throws Exception {
        Path file = Files.writeString(dir.resolve("three.csv"),
                "number,first_name\n+919810000001,Asha\n+919810000002,Ravi\n+919810000003,Meera\n");
        importFile(file, () -> sandbox.faults().item429Fraction(1.0));
        sandbox.faults().reset();
        NotCreatedRowsViewModel rows = job.notCreated();

        assertThat(dialogs.errors()).isEmpty();
        assertThat(rows.rows()).hasSize(3).allSatisfy(row -> {
            assertThat(row.outcome()).isIn(RowOutcome.FAILED, RowOutcome.UNKNOWN);
            assertThat(row.detail()).isNotBlank();
        });
        assertThat(rows.countProperty(RowOutcome.FAILED).get() + rows.countProperty(RowOutcome.UNKNOWN).get())
                .isEqualTo(3);

        job.retryFailed();
        assertThat(rows.rows()).as("the list is read again after the retry").isEmpty();
        assertThat(rows.countProperty(RowOutcome.FAILED).get()).isZero();
    }

    @Test
    void aJournalThatIsGoneSaysSoInsteadOfAnEmptyList() {
        NotCreatedRowsViewModel rows = new NotCreatedRowsViewModel(executor, id -> dir.resolve("nowhere"));
        rows.show("20260101-000000-abcd");
        assertThat(rows.rows()).isEmpty();
        assertThat(rows.errorProperty().get()).contains("journal is gone").contains("Save the report");
        assertThat(rows.loadingProperty().get()).isFalse();
    }
}
