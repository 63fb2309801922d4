package org.dialbook.ui.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.dialbook.importer.ColumnTarget;
import org.dialbook.importer.DuplicatePolicy;
import org.dialbook.importer.TagMode;
import org.dialbook.importer.ImportPreview;
import org.dialbook.importer.ImportResult;
import org.dialbook.importer.ImportSummary;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.WindowSizing;

/**
 * The import wizard window: six pages over one {@link ImportWizardViewModel}. Layout in
 * {@code import-wizard.fxml}; this class only binds controls and opens file choosers.
 */
public final class ImportWizardView {
    static final String FXML = "import-wizard.fxml";
    static final String CSS = "import-wizard.css";

    private final ImportWizardViewModel viewModel;
    private final ImportJobViewModel job;
    private final Parent root;
    private final Map<ImportWizardViewModel.Step, VBox> pages = new EnumMap<>(ImportWizardViewModel.Step.class);
    private ObjectProperty<Integer> batchValue;
    private Stage stage;

    @FXML private Label stepTitle;
    @FXML private HBox stepTrail;
    @FXML private VBox filePage;
    @FXML private VBox mappingPage;
    @FXML private VBox previewPage;
    @FXML private VBox optionsPage;
    @FXML private VBox runPage;
    @FXML private VBox resultPage;
    @FXML private Label fileName;
    @FXML private ComboBox<String> encodingBox;
    @FXML private ComboBox<String> delimiterBox;
    @FXML private CheckBox headerBox;
    @FXML private Label formatLabel;
    @FXML private Label fileError;
    @FXML private TableView<List<String>> sampleTable;
    @FXML private GridPane mappingGrid;
    @FXML private Label mappingProblem;
    @FXML private CheckBox saveMappingBox;
    @FXML private ProgressBar checkBar;
    @FXML private Label checkMessage;
    @FXML private Button stopCheckButton;
    @FXML private Label createCount;
    @FXML private Label updateCount;
    @FXML private Label skipCount;
    @FXML private Label invalidCount;
    @FXML private TableView<ImportPreview.PreviewRow> firstRowsTable;
    @FXML private TextField invalidFilter;
    @FXML private TableView<ImportPreview.InvalidRow> invalidTable;
    @FXML private Tab invalidTab;
    @FXML private TableView<ImportPreview.DuplicateRow> duplicateTable;
    @FXML private Tab duplicateTab;
    @FXML private TextField countryField;
    @FXML private TextField tagField;
    @FXML private ComboBox<String> listBox;
    @FXML private ComboBox<DuplicatePolicy> duplicatesBox;
    @FXML private ComboBox<TagMode> tagModeBox;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Label optionsProblem;
    @FXML private Label optionsSummary;
    @FXML private ProgressBar runBar;
    @FXML private Label runMessage;
    @FXML private Button cancelRunButton;
    @FXML private Label resultText;
    @FXML private Label createdCount;
    @FXML private Label updatedCount;
    @FXML private Label skippedCount;
    @FXML private Label invalidResultCount;
    @FXML private Label failedCount;
    @FXML private Label unknownCount;
    @FXML private Button saveReportButton;
    @FXML private Button retryButton;
    @FXML private Button undoButton;
    @FXML private ProgressBar resultBar;
    @FXML private VBox notCreatedBox;
    @FXML private Label resultMessage;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button closeButton;

    public ImportWizardView(ImportWizardViewModel viewModel) {
        this.viewModel = viewModel;
        this.job = viewModel.job();
        FXMLLoader loader = new FXMLLoader(ImportWizardView.class.getResource(FXML));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The import wizard layout is missing from the build", e);
        }
        root.getStylesheets().add(ImportWizardView.class.getResource(CSS).toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** Opens the wizard in its own window over {@code owner}. */
    public Stage show(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        WindowSizing.fit(stage, owner, new WindowSizing.Size(700, 520), new WindowSizing.Size(920, 680));
        stage.setTitle("Import contacts");
        stage.setScene(new Scene(root));
        stage.setOnCloseRequest(event -> job.cancel());
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        pages.put(ImportWizardViewModel.Step.FILE, filePage);
        pages.put(ImportWizardViewModel.Step.MAPPING, mappingPage);
        pages.put(ImportWizardViewModel.Step.PREVIEW, previewPage);
        pages.put(ImportWizardViewModel.Step.OPTIONS, optionsPage);
        pages.put(ImportWizardViewModel.Step.RUN, runPage);
        pages.put(ImportWizardViewModel.Step.RESULT, resultPage);
        bindNavigation();
        bindFilePage();
        bindMappingPage();
        bindPreviewPage();
        bindOptionsPage();
        bindRunAndResult();
    }

    private void bindNavigation() {
        viewModel.stepProperty().addListener((observable, old, step) -> showStep(step));
        showStep(viewModel.stepProperty().get());
        backButton.disableProperty().bind(viewModel.canGoBackProperty().not());
        nextButton.disableProperty().bind(viewModel.canGoNextProperty().not());
        // Enter goes on to the next step: focus would otherwise stay on "Choose file…" (Enter then
        // opens the chooser although the file is read) or on a control of a page no longer shown.
        viewModel.canGoNextProperty().addListener((observable, was, now) -> {
            if (now && !(nextButton.getScene() != null
                    && nextButton.getScene().getFocusOwner() instanceof TextInputControl)) {
                nextButton.requestFocus();
            }
        });
    }

    private void showStep(ImportWizardViewModel.Step step) {
        pages.forEach((key, page) -> page.setVisible(key == step));
        stepTitle.setText("Step " + (step.ordinal() + 1) + " of " + ImportWizardViewModel.Step.values().length + ": "
                + step.title());
        stepTrail.getChildren().clear();
        for (ImportWizardViewModel.Step each : ImportWizardViewModel.Step.values()) {
            Label label = new Label((each.ordinal() + 1) + ". " + each.title());
            label.getStyleClass().add("trail-step");
            if (each == step) {
                label.getStyleClass().add("current");
            }
            stepTrail.getChildren().add(label);
        }
        boolean working = step == ImportWizardViewModel.Step.RUN || step == ImportWizardViewModel.Step.RESULT;
        nextButton.setVisible(!working);
        backButton.setVisible(!working);
        nextButton.setText(step == ImportWizardViewModel.Step.OPTIONS ? "_Import" : "_Next");
        closeButton.setText(step == ImportWizardViewModel.Step.RESULT ? "_Close" : "_Cancel");
        if (!working && !nextButton.isDisabled()) {
            nextButton.requestFocus();
        } else if (step == ImportWizardViewModel.Step.RESULT) {
            closeButton.requestFocus();
        }
    }

    private void bindFilePage() {
        fileName.textProperty().bind(Bindings.createStringBinding(() -> viewModel.fileProperty().get() == null
                ? "No file chosen" : viewModel.fileProperty().get().getFileName().toString(), viewModel.fileProperty()));
        encodingBox.getItems().setAll(ImportWizardViewModel.ENCODINGS);
        delimiterBox.getItems().setAll(ImportWizardViewModel.DELIMITERS);
        encodingBox.valueProperty().bindBidirectional(viewModel.encodingProperty());
        delimiterBox.valueProperty().bindBidirectional(viewModel.delimiterProperty());
        headerBox.selectedProperty().bindBidirectional(viewModel.hasHeaderProperty());
        encodingBox.setOnAction(event -> viewModel.reinspect());
        delimiterBox.setOnAction(event -> viewModel.reinspect());
        headerBox.setOnAction(event -> viewModel.reinspect());
        formatLabel.textProperty().bind(viewModel.formatDescriptionProperty());
        fileError.textProperty().bind(viewModel.fileErrorProperty());
        viewModel.inspectionProperty().addListener((observable, old, inspection) -> rebuildSampleColumns());
        sampleTable.setItems(viewModel.sampleRows());
        sampleTable.setPlaceholder(new Label("Choose a CSV file to see its first rows"));
    }

    private void rebuildSampleColumns() {
        sampleTable.getColumns().clear();
        var inspection = viewModel.inspectionProperty().get();
        if (inspection == null) {
            return;
        }
        for (int i = 0; i < inspection.columnCount(); i++) {
            int column = i;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(inspection.headers().get(i));
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    column < cell.getValue().size() ? cell.getValue().get(column) : ""));
            tableColumn.setPrefWidth(130);
            sampleTable.getColumns().add(tableColumn);
        }
    }

    private void bindMappingPage() {
        viewModel.columns().addListener((ListChangeListener<ColumnChoice>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved() || change.wasReplaced();
            }
            if (structural) {
                rebuildMappingGrid();
            }
        });
        mappingProblem.textProperty().bind(viewModel.mappingProblemProperty());
        saveMappingBox.selectedProperty().bindBidirectional(viewModel.saveMappingProperty());
    }

    private void rebuildMappingGrid() {
        mappingGrid.getChildren().clear();
        mappingGrid.addRow(0, header("Column in the file"), header("Example"), header("Goes to"),
                header("custom_field key"));
        int row = 1;
        for (ColumnChoice choice : viewModel.columns()) {
            Label name = new Label(choice.header());
            name.getStyleClass().add("column-name");
            Label sample = new Label(shorten(choice.sample()));
            sample.getStyleClass().add("hint");
            ComboBox<ColumnTarget.Kind> target = new ComboBox<>();
            target.getItems().setAll(ColumnTarget.Kind.values());
            target.setConverter(new KindConverter());
            target.valueProperty().bindBidirectional(choice.kindProperty());
            target.setId("target-" + choice.index());
            TextField key = new TextField();
            key.setId("key-" + choice.index());
            key.textProperty().bindBidirectional(choice.customKeyProperty());
            key.visibleProperty().bind(choice.kindProperty().isEqualTo(ColumnTarget.Kind.CUSTOM));
            mappingGrid.addRow(row++, name, sample, target, key);
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section");
        return label;
    }

    private static String shorten(String value) {
        String single = value.replace('\n', ' ');
        return single.length() > 40 ? single.substring(0, 40) + "…" : single;
    }

    private void bindPreviewPage() {
        checkBar.progressProperty().bind(job.progressProperty());
        checkBar.visibleProperty().bind(job.checkingProperty());
        stopCheckButton.visibleProperty().bind(job.checkingProperty());
        checkMessage.textProperty().bind(job.messageProperty());
        var preview = job.previewProperty();
        createCount.textProperty().bind(Bindings.createStringBinding(() -> preview.get() == null ? "– to create"
                : preview.get().toCreate() + " to create", preview));
        updateCount.textProperty().bind(Bindings.createStringBinding(() -> preview.get() == null ? "– to update"
                : preview.get().toUpdate() + " to update", preview));
        skipCount.textProperty().bind(Bindings.createStringBinding(() -> preview.get() == null ? "– to skip"
                : preview.get().toSkip() + (preview.get().toSkip() == 1 ? " duplicate" : " duplicates") + " to skip",
                preview));
        invalidCount.textProperty().bind(Bindings.createStringBinding(() -> preview.get() == null ? "– invalid"
                : preview.get().invalid() + " invalid", preview));
        firstRowsTable.setItems(job.firstRows());
        firstRowsTable.getColumns().setAll(List.of(
                TextColumns.column("Row", row -> Long.toString(row.row()), 60),
                TextColumns.column("Number", row -> row.contact().number(), 140),
                TextColumns.column("First name", row -> nullToEmpty(row.contact().firstName()), 110),
                TextColumns.column("Last name", row -> nullToEmpty(row.contact().lastName()), 110),
                TextColumns.column("Company", row -> nullToEmpty(row.contact().companyName()), 130),
                TextColumns.column("Email", row -> nullToEmpty(row.contact().email()), 170),
                TextColumns.column("Tag", row -> nullToEmpty(row.contact().tag()), 90),
                TextColumns.column("Action", row -> row.action() + (row.note() == null ? "" : " (" + row.note() + ")"), 200)));
        // Columns share the window's width, and a cut reason or action shows whole in its tooltip.
        firstRowsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        invalidTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        invalidFilter.textProperty().bindBidirectional(job.invalidFilterProperty());
        invalidTable.setItems(job.invalidRows());
        invalidTable.setPlaceholder(new Label("No invalid rows"));
        invalidTable.getColumns().setAll(List.of(
                TextColumns.column("Row", row -> Long.toString(row.row()), 60),
                TextColumns.column("Why it is not sent", ImportPreview.InvalidRow::reason, 480),
                TextColumns.column("Values", row -> String.join(" | ", row.values()), 320)));
        invalidTab.textProperty().bind(listTitle("Invalid", job.invalidRows(), preview, ImportPreview::invalid));
        duplicateTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        duplicateTable.setItems(job.duplicateRows());
        duplicateTable.setPlaceholder(new Label("No duplicates to skip"));
        duplicateTable.getColumns().setAll(List.of(
                TextColumns.column("Row", row -> Long.toString(row.row()), 60),
                TextColumns.column("Number", ImportPreview.DuplicateRow::number, 150),
                TextColumns.column("Why it is skipped", ImportPreview.DuplicateRow::reason, 600)));
        duplicateTab.textProperty().bind(listTitle("Duplicates to skip", job.duplicateRows(), preview,
                ImportPreview::toSkip));
    }

    /** "Invalid (5)", or "Invalid (2 of 5)" while filtered: the count covers the whole file, the list its first rows. */
    private static StringBinding listTitle(String name, javafx.collections.transformation.FilteredList<?> shown,
            javafx.beans.value.ObservableValue<ImportPreview> preview, java.util.function.ToLongFunction<ImportPreview> total) {
        return Bindings.createStringBinding(() -> {
            if (preview.getValue() == null) {
                return name;
            }
            long all = total.applyAsLong(preview.getValue());
            return shown.getPredicate() == null || shown.size() == shown.getSource().size()
                    ? name + " (" + all + ")" : name + " (" + shown.size() + " of " + all + ")";
        }, shown, preview);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private void bindOptionsPage() {
        countryField.textProperty().bindBidirectional(viewModel.countryProperty());
        tagField.textProperty().bindBidirectional(viewModel.tagProperty());
        listBox.setItems(viewModel.listChoices());
        listBox.getEditor().textProperty().bindBidirectional(viewModel.listProperty());
        tagModeBox.getItems().setAll(TagMode.values());
        tagModeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(TagMode mode) {
                return mode == null ? "" : switch (mode) {
                    case WHEN_EMPTY -> "Only contacts the file gives no tag";
                    case REPLACE -> "Every contact, replacing the file's tags";
                    case KEEP -> "None: keep the file's tags";
                };
            }

            @Override
            public TagMode fromString(String text) {
                return null;
            }
        });
        tagModeBox.valueProperty().bindBidirectional(viewModel.tagModeProperty());
        tagField.disableProperty().bind(viewModel.tagModeProperty().isEqualTo(TagMode.KEEP));
        duplicatesBox.getItems().setAll(DuplicatePolicy.values());
        duplicatesBox.setConverter(new PolicyConverter());
        duplicatesBox.valueProperty().bindBidirectional(viewModel.duplicatesProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 5000, viewModel.batchSizeProperty().get(), 500);
        batchSpinner.setValueFactory(factory);
        batchValue = viewModel.batchSizeProperty().asObject();
        factory.valueProperty().bindBidirectional(batchValue);
        optionsProblem.textProperty().bind(Bindings.createStringBinding(() -> viewModel.optionsProblem().orElse(""),
                viewModel.countryProperty(), viewModel.batchSizeProperty()));
        optionsSummary.textProperty().bind(Bindings.createStringBinding(() -> {
            ImportPreview preview = job.previewProperty().get();
            return preview == null ? "" : "Ready: " + ImportJobViewModel.describe(preview) + ". Every row will be "
                    + "listed in the report with its outcome.";
        }, job.previewProperty()));
    }

    private void bindRunAndResult() {
        runBar.progressProperty().bind(job.progressProperty());
        runMessage.textProperty().bind(job.messageProperty());
        cancelRunButton.disableProperty().bind(job.runningProperty().not());
        resultText.textProperty().bind(job.resultTextProperty());
        resultBar.progressProperty().bind(job.progressProperty());
        resultBar.visibleProperty().bind(job.runningProperty());
        resultMessage.textProperty().bind(Bindings.when(job.runningProperty()).then(job.messageProperty())
                .otherwise(""));
        var result = job.resultProperty();
        bindCount(createdCount, result, "created", summary -> summary.created());
        bindCount(updatedCount, result, "updated", summary -> summary.updated());
        bindCount(skippedCount, result, "skipped", summary -> summary.skipped());
        bindCount(invalidResultCount, result, "invalid", summary -> summary.invalid());
        bindCount(failedCount, result, "failed", summary -> summary.failed());
        bindCount(unknownCount, result, "unknown", summary -> summary.unknown());
        saveReportButton.disableProperty().bind(result.isNull().or(job.runningProperty()));
        retryButton.disableProperty().bind(Bindings.createBooleanBinding(() -> result.get() == null
                || result.get().summary().failed() + result.get().summary().unknown() == 0, result)
                .or(job.runningProperty()));
        // Off once the import was undone, here or from the main window's Edit → Undo.
        undoButton.disableProperty().bind(job.canUndoProperty().not().or(job.runningProperty()));
        NotCreatedRowsPane notCreated = new NotCreatedRowsPane(job.notCreated());
        VBox.setVgrow(notCreated, Priority.ALWAYS);
        notCreatedBox.getChildren().setAll(notCreated);
    }

    private static void bindCount(Label label, javafx.beans.value.ObservableValue<ImportResult> result, String word,
            java.util.function.ToLongFunction<ImportSummary> count) {
        label.textProperty().bind(Bindings.createStringBinding(() -> result.getValue() == null ? ""
                : count.applyAsLong(result.getValue().summary()) + " " + word, result));
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> result.getValue() != null
                && (count.applyAsLong(result.getValue().summary()) > 0 || word.equals("created")), result));
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void chooseFile() {
        viewModel.dialogs().chooseFileToOpen("Choose a CSV file to import", List.of(
                new DialogService.FileType("CSV, TSV or text", "*.csv", "*.tsv", "*.txt"),
                new DialogService.FileType("All files", "*.*"))).ifPresent(viewModel::openFile);
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void cancelJob() {
        job.cancel();
    }

    @FXML
    private void close() {
        job.cancel();
        Window window = root.getScene().getWindow();
        if (window instanceof Stage) {
            ((Stage) window).close();
        }
    }

    @FXML
    private void saveReport() {
        Path file = viewModel.fileProperty().get();
        String base = file == null ? "import" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        viewModel.dialogs().chooseFileToSave("Save the import report", base + "-report.csv",
                new DialogService.FileType("CSV", "*.csv")).ifPresent(job::saveReport);
    }

    @FXML
    private void retryFailed() {
        job.retryFailed();
    }

    @FXML
    private void undoImport() {
        job.undo();
    }

    /** Shows "first name" for FIRST_NAME and so on. */
    private static final class KindConverter extends StringConverter<ColumnTarget.Kind> {
        @Override
        public String toString(ColumnTarget.Kind kind) {
            if (kind == null) {
                return "";
            }
            switch (kind) {
                case CUSTOM:
                    return "custom_field";
                case IGNORE:
                    return "(ignore)";
                default:
                    return kind.label();
            }
        }

        @Override
        public ColumnTarget.Kind fromString(String text) {
            return java.util.Arrays.stream(ColumnTarget.Kind.values()).filter(kind -> toString(kind).equals(text))
                    .findFirst().orElse(null);
        }
    }

    /** Words for the duplicate policies. */
    private static final class PolicyConverter extends StringConverter<DuplicatePolicy> {
        @Override
        public String toString(DuplicatePolicy policy) {
            if (policy == null) {
                return "";
            }
            switch (policy) {
                case SKIP:
                    return "Skip the row (keep the existing contact)";
                case CREATE:
                    return "Import anyway (the number will be there twice)";
                default:
                    return "Update the existing contact";
            }
        }

        @Override
        public DuplicatePolicy fromString(String text) {
            return java.util.Arrays.stream(DuplicatePolicy.values()).filter(policy -> toString(policy).equals(text))
                    .findFirst().orElse(null);
        }
    }

    static String joined(List<String> values) {
        return values.stream().collect(Collectors.joining(", "));
    }
}
