package org.dialbook.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dialbook.api.ContactsClient;
import org.dialbook.importer.ColumnTarget;
import org.dialbook.importer.ImportPreview;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.Previewer;
import org.dialbook.importer.TagMode;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's ViewModels on the current thread, importing into a real in-process sandbox. */
class ImportWizardViewModelTest {
    private static final Path SAMPLE = Path.of("assets/samples/contacts-sample.csv");

    @TempDir
    Path dir;

    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory();
    private SandboxServer sandbox;
    private ContactsClient client;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private int refreshes;
    private ImportWizardViewModel wizard;
    private ImportJobViewModel job;

    @BeforeEach
    void setUp() {
        sandbox = fixture.server();
        client = fixture.client();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        job = new ImportJobViewModel(executor, dialogs, new Previewer(client),
                new ImportRunner(client, dir.resolve("imports")), () -> refreshes++);
        wizard = new ImportWizardViewModel(executor, dialogs, new MappingStore(dir.resolve("mappings")), job, "IN");
    }

    @Test
    void walksEveryStepAndImportsTheSample() throws Exception {
        wizard.openFile(SAMPLE);
        assertThat(wizard.formatDescriptionProperty().get()).contains("UTF-8").contains("comma");
        assertThat(wizard.sampleRows()).isNotEmpty();
        assertThat(wizard.columns()).extracting(choice -> choice.target().label())
                .containsExactly("number", "first_name", "last_name", "company_name", "email", "tag", "custom:city");
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.MAPPING);

        wizard.columns().get(6).kindProperty().set(ColumnTarget.Kind.IGNORE);
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.PREVIEW);
        assertThat(job.previewProperty().get().toCreate()).isEqualTo(44);
        assertThat(job.previewProperty().get().invalid()).isEqualTo(5);
        assertThat(job.previewProperty().get().toSkip()).isEqualTo(1);
        assertThat(job.firstRows().get(0).contact().number()).startsWith("+91");
        job.invalidFilterProperty().set("scientific");
        assertThat(job.invalidRows()).singleElement().satisfies(row -> assertThat(row.row()).isEqualTo(15));
        job.invalidFilterProperty().set("");
        assertThat(job.invalidRows()).hasSize(5);

        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.OPTIONS);
        wizard.countryProperty().set("XX");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        wizard.countryProperty().set("IN");
        wizard.tagProperty().set("wizard");
        wizard.listProperty().set("  Diwali callers ");
        assertThat(wizard.options().list()).isEqualTo("Diwali callers");
        wizard.listProperty().set("");
        assertThat(wizard.options().list()).isNull();
        wizard.batchSizeProperty().set(20);
        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.RESULT);
        assertThat(job.resultProperty().get().summary().created()).isEqualTo(44);
        assertThat(job.resultTextProperty().get()).startsWith("Done. 50 rows: 44 created");
        assertThat(refreshes).isEqualTo(1);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(44);
        assertThat(dialogs.errors()).isEmpty();

        Path report = dir.resolve("report.csv");
        job.saveReport(report);
        assertThat(Files.readAllLines(report, StandardCharsets.UTF_8)).hasSize(51);
        assertThat(dialogs.infos()).singleElement().asString().contains("50 rows written");

        job.undo();
        assertThat(dialogs.questions()).singleElement().asString().contains("Delete the 44 contacts");
        assertThat(sandbox.contactCount("sandbox")).isZero();
        assertThat(job.resultTextProperty().get()).isEqualTo("Undone: 44 contacts deleted.");
    }

    @Test
    void theCheckListsTheDuplicatesItWillSkipWithWhy() throws Exception {
        String existing = client.createContacts(List.of(org.dialbook.api.NewContact.builder("+919810000002")
                .firstName("Ravi").build())).items().get(0).value().sid();
        Path csv = dir.resolve("dups.csv");
        Files.writeString(csv, "number,first_name\n+919810000001,Asha\n+919810000002,Ravi\n+919810000003,Meera\n"
                + "+91 98100 00001,Asha again\nnot a number,Bad\n");
        wizard.openFile(csv);
        wizard.next();
        wizard.next();

        assertThat(job.previewProperty().get().toSkip()).isEqualTo(2);
        assertThat(job.duplicateRows()).extracting(ImportPreview.DuplicateRow::row).containsExactly(3L, 5L);
        assertThat(job.duplicateRows().get(0).number()).isEqualTo("+919810000002");
        assertThat(job.duplicateRows().get(0).reason()).contains("already in the account").contains(existing);
        assertThat(job.duplicateRows().get(1).number()).isEqualTo("+919810000001");
        assertThat(job.duplicateRows().get(1).reason()).contains("already on row 2 of this file");
        assertThat(job.invalidRows()).singleElement().extracting(ImportPreview.InvalidRow::row).isEqualTo(6L);

        job.invalidFilterProperty().set("row 2");
        assertThat(job.duplicateRows()).extracting(ImportPreview.DuplicateRow::row).containsExactly(5L);
        assertThat(job.invalidRows()).isEmpty();
        // A number, not a digit: the reason holds a random sid, which any single digit may match.
        job.invalidFilterProperty().set("+919810000002");
        assertThat(job.duplicateRows()).extracting(ImportPreview.DuplicateRow::row).containsExactly(3L);
        job.invalidFilterProperty().set("");
        assertThat(job.duplicateRows()).hasSize(2);
    }

    @Test
    void theTagOptionKeepsReplacesOrFillsTheFilesOwnTags() throws Exception {
        Path csv = dir.resolve("tags.csv");
        Files.writeString(csv, "number,first_name,tag\n+919810000001,Asha,vip\n+919810000002,Ravi,\n");

        assertThat(importTagged(csv, TagMode.WHEN_EMPTY)).containsExactly("vip", "sample-import");
        assertThat(importTagged(csv, TagMode.REPLACE)).containsExactly("sample-import", "sample-import");
        assertThat(importTagged(csv, TagMode.KEEP)).containsExactly("vip", null);
        assertThat(wizard.tagModeProperty().get()).as("the safe choice is the default").isEqualTo(TagMode.WHEN_EMPTY);
    }

    /** Imports the file with tag "sample-import" in this mode; returns the tags by row, then undoes the import. */
    private List<String> importTagged(Path csv, TagMode mode) {
        ImportJobViewModel run = new ImportJobViewModel(new CurrentThreadTaskExecutor(), dialogs, new Previewer(client),
                new ImportRunner(client, dir.resolve("imports-" + mode)), () -> { });
        ImportWizardViewModel tagged = new ImportWizardViewModel(new CurrentThreadTaskExecutor(), dialogs,
                new MappingStore(dir.resolve("mappings")), run, "IN");
        tagged.openFile(csv);
        tagged.next();
        tagged.next();
        tagged.next();
        assertThat(tagged.stepProperty().get()).isEqualTo(ImportWizardViewModel.Step.OPTIONS);
        tagged.tagProperty().set("sample-import");
        tagged.tagModeProperty().set(mode);
        tagged.next();
        assertThat(run.resultProperty().get().summary().created()).isEqualTo(2);
        List<String> tags = java.util.stream.Stream.of("+919810000001", "+919810000002")
                .map(number -> client.streamContacts(org.dialbook.api.ListQuery.firstPage())
                        .filter(contact -> contact.number().equals(number)).findFirst().orElseThrow().tag())
                .collect(java.util.stream.Collectors.toList());
        run.undo();
        assertThat(run.undoneProperty().get()).isTrue();
        run.undo();
        assertThat(dialogs.questions()).as("a second undo is not offered").hasSize(undoQuestions + 1);
        undoQuestions++;
        return tags;
    }

    private int undoQuestions;

    @Test
    void theMappingIsRememberedForTheSameColumns() {
        wizard.openFile(SAMPLE);
        wizard.next();
        wizard.columns().get(6).kindProperty().set(ColumnTarget.Kind.IGNORE);
        wizard.next();

        ImportWizardViewModel again = new ImportWizardViewModel(new CurrentThreadTaskExecutor(), dialogs,
                new MappingStore(dir.resolve("mappings")), job, "IN");
        again.openFile(SAMPLE);
        assertThat(again.columns().get(6).target()).isEqualTo(ColumnTarget.IGNORED);
    }

    @Test
    void aMappingWithoutANumberCannotGoOn() {
        wizard.openFile(SAMPLE);
        wizard.next();
        wizard.columns().get(0).kindProperty().set(ColumnTarget.Kind.IGNORE);
        assertThat(wizard.mappingProblemProperty().get()).contains("No column is mapped to number");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
    }

    @Test
    void aBadFileIsExplainedOnTheFirstPage() throws Exception {
        Path xlsx = Files.write(dir.resolve("book.csv"), new byte[] {0x50, 0x4B, 3, 4, 0, 0});
        wizard.openFile(xlsx);
        assertThat(wizard.fileErrorProperty().get()).contains("Excel workbook");
        assertThat(wizard.canGoNextProperty().get()).isFalse();
    }

    @Test
    void changingTheDelimiterReadsTheFileAgain() {
        wizard.openFile(Path.of("assets/samples/contacts-sample-semicolon.csv"));
        assertThat(wizard.columns()).hasSize(7);
        wizard.delimiterProperty().set("comma");
        wizard.reinspect();
        assertThat(wizard.formatDescriptionProperty().get()).contains("comma-separated");
        assertThat(wizard.columns()).hasSize(1);
    }
}
