package org.dialbook.ui.importer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.contact.PhoneRule;
import org.dialbook.importer.ColumnMapping;
import org.dialbook.importer.ColumnTarget;
import org.dialbook.importer.CsvFormat;
import org.dialbook.importer.CsvInspection;
import org.dialbook.importer.CsvInspector;
import org.dialbook.importer.DuplicatePolicy;
import org.dialbook.importer.ImportOptions;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.MappingSuggester;
import org.dialbook.importer.TagMode;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import wizard's state: which step is showing, the file and how to read it, the column
 * mapping and the options. Checking and running are in {@link ImportJobViewModel}.
 */
public final class ImportWizardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWizardViewModel.class);

    /** The wizard's pages, in order. */
    public enum Step {
        FILE("Choose the file"),
        MAPPING("Match the columns"),
        PREVIEW("Check the rows"),
        OPTIONS("Options"),
        RUN("Importing"),
        RESULT("Result");

        private final String title;

        Step(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public static final String DETECTED = "Detected";
    public static final List<String> ENCODINGS = List.of(DETECTED, "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252",
            "ISO-8859-1");
    public static final List<String> DELIMITERS = List.of(DETECTED, "comma", "semicolon", "tab", "pipe");

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final MappingStore mappings;
    private final ImportJobViewModel job;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.FILE);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<CsvInspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyStringWrapper fileError = new ReadOnlyStringWrapper(this, "fileError", "");
    private final ReadOnlyStringWrapper formatDescription = new ReadOnlyStringWrapper(this, "formatDescription", "");
    private final StringProperty encoding = new SimpleStringProperty(this, "encoding", DETECTED);
    private final StringProperty delimiter = new SimpleStringProperty(this, "delimiter", DETECTED);
    private final BooleanProperty hasHeader = new SimpleBooleanProperty(this, "hasHeader", true);
    private final ObservableList<List<String>> sampleRows = FXCollections.observableArrayList();
    private final ObservableList<ColumnChoice> columns =
            FXCollections.observableArrayList(choice -> choice.observables());
    private final BooleanProperty saveMapping = new SimpleBooleanProperty(this, "saveMapping", true);
    private final StringBinding mappingProblem;

    private final StringProperty country = new SimpleStringProperty(this, "country", "IN");
    private final StringProperty tag = new SimpleStringProperty(this, "tag", "");
    /** The campaign list to add the rows to (a name; made when missing), "" for none. */
    private final StringProperty list = new SimpleStringProperty(this, "list", "");
    private final ObservableList<String> listChoices = FXCollections.observableArrayList();
    /** A file's own tags ("vip") are kept unless the user asks to replace them. */
    private final ObjectProperty<TagMode> tagMode = new SimpleObjectProperty<>(this, "tagMode", TagMode.WHEN_EMPTY);
    private final ObjectProperty<DuplicatePolicy> duplicates =
            new SimpleObjectProperty<>(this, "duplicates", DuplicatePolicy.SKIP);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", ImportOptions.MAX_BATCH);
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    /** For the view's file dialogs, which go through the same service as every other question. */
    public DialogService dialogs() {
        return dialogs;
    }

    public ImportWizardViewModel(TaskExecutor executor, DialogService dialogs, MappingStore mappings,
            ImportJobViewModel job, String defaultCountry) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.mappings = mappings;
        this.job = job;
        country.set(defaultCountry == null || defaultCountry.isBlank() ? "IN" : defaultCountry);
        mappingProblem = Bindings.createStringBinding(this::computeMappingProblem, columns);
        canGoNext = Bindings.createBooleanBinding(this::computeCanGoNext, step, inspection, fileError, mappingProblem,
                job.previewProperty(), job.checkingProperty(), country, batchSize);
        canGoBack = Bindings.createBooleanBinding(() -> step.get().ordinal() > 0 && step.get().ordinal() < 4
                && !job.checkingProperty().get(), step, job.checkingProperty());
    }

    // ---- file step ----

    /** Reads a file with everything detected. */
    public void openFile(Path path) {
        file.set(path);
        encoding.set(DETECTED);
        delimiter.set(DETECTED);
        inspect(null, null, null);
    }

    /** Reads the file again after the user changed the encoding, delimiter or header choice. */
    public void reinspect() {
        if (file.get() == null) {
            return;
        }
        Charset charset = encoding.get() == null || encoding.get().equals(DETECTED) ? null
                : Charset.forName(encoding.get());
        Character sep = delimiter.get() == null || delimiter.get().equals(DETECTED) ? null
                : CsvFormat.parseDelimiter(delimiter.get());
        inspect(charset, sep, hasHeader.get());
    }

    private void inspect(Charset charset, Character sep, Boolean header) {
        Path path = file.get();
        BackgroundTask.<CsvInspection>quiet(progress -> CsvInspector.inspect(path, charset, sep, header))
                .onSuccess(this::apply)
                .onFailure(error -> {
                    inspection.set(null);
                    sampleRows.clear();
                    columns.clear();
                    fileError.set(error.getMessage() == null ? error.toString() : error.getMessage());
                })
                .executeWith(executor);
    }

    private void apply(CsvInspection result) {
        fileError.set("");
        hasHeader.set(result.format().hasHeader());
        formatDescription.set(result.encodingReason() + " · " + CsvFormat.delimiterName(result.format().delimiter())
                + "-separated · " + (result.format().hasHeader() ? "first row is the header" : "no header row"));
        sampleRows.setAll(result.sampleRows().stream().map(row -> List.of(row.fields())).toList());
        ColumnMapping suggested = mappings.find(result.headers()).orElseGet(() -> MappingSuggester.suggest(result));
        List<ColumnChoice> choices = new ArrayList<>();
        for (int i = 0; i < result.columnCount(); i++) {
            String sample = "";
            for (var row : result.sampleRows()) {
                if (i < row.fields().length && !row.fields()[i].isBlank()) {
                    sample = row.fields()[i];
                    break;
                }
            }
            choices.add(new ColumnChoice(i, result.headers().get(i), sample, suggested.target(i)));
        }
        columns.setAll(choices);
        inspection.set(result);
    }

    // ---- mapping ----

    public ColumnMapping mapping() {
        List<ColumnTarget> targets = new ArrayList<>();
        for (ColumnChoice choice : columns) {
            ColumnTarget target = choice.target();
            targets.add(target == null ? ColumnTarget.IGNORED : target);
        }
        return new ColumnMapping(targets);
    }

    private String computeMappingProblem() {
        if (columns.isEmpty()) {
            return "";
        }
        for (ColumnChoice choice : columns) {
            if (choice.target() == null) {
                return "Column '" + choice.header() + "' goes to custom_field but has no key.";
            }
        }
        CsvInspection current = inspection.get();
        return mapping().problem(current == null ? List.of() : current.headers()).orElse("");
    }

    // ---- navigation ----

    private boolean computeCanGoNext() {
        switch (step.get()) {
            case FILE:
                return inspection.get() != null && fileError.get().isEmpty();
            case MAPPING:
                return mappingProblem.get().isEmpty();
            case PREVIEW:
                return !job.checkingProperty().get() && job.previewProperty().get() != null
                        && job.previewProperty().get().valid() > 0;
            case OPTIONS:
                return optionsProblem().isEmpty();
            default:
                return false;
        }
    }

    /** Why the options cannot be used, or empty. */
    public Optional<String> optionsProblem() {
        try {
            options();
            return Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of(e.getMessage());
        }
    }

    public ImportOptions options() {
        if (!PhoneRule.isSupportedCountry(country.get())) {
            throw new IllegalArgumentException("Unknown country '" + country.get()
                    + "': use a two-letter code such as IN, SG, US or GB.");
        }
        return ImportOptions.defaults(country.get().strip()).withTag(tag.get()).withTagMode(tagMode.get())
                .withDuplicates(duplicates.get())
                .withBatchSize(batchSize.get()).withList(list.get());
    }

    public ImportPlan plan() {
        return ImportPlan.of(inspection.get(), mapping(), options());
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        switch (step.get()) {
            case FILE:
                step.set(Step.MAPPING);
                break;
            case MAPPING:
                rememberMapping();
                step.set(Step.PREVIEW);
                job.check(plan());
                break;
            case PREVIEW:
                step.set(Step.OPTIONS);
                break;
            case OPTIONS:
                step.set(Step.RUN);
                job.start(plan(), () -> step.set(Step.RESULT));
                break;
            default:
                break;
        }
    }

    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        step.set(Step.values()[step.get().ordinal() - 1]);
    }

    /** Jumps to the result page for an import resumed from its journal. */
    public void resume(String importId) {
        step.set(Step.RUN);
        job.resume(importId, file.get(), () -> step.set(Step.RESULT));
    }

    private void rememberMapping() {
        if (!saveMapping.get() || inspection.get() == null || !inspection.get().format().hasHeader()) {
            return;
        }
        try {
            mappings.save(inspection.get().headers(), mapping());
        } catch (IOException e) {
            LOG.warn("Could not save the column mapping: {}", e.getMessage());
            dialogs.showError("Mapping not saved", "The column mapping could not be saved for next time: "
                    + e.getMessage());
        }
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CsvInspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileErrorProperty() {
        return fileError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formatDescriptionProperty() {
        return formatDescription.getReadOnlyProperty();
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public BooleanProperty hasHeaderProperty() {
        return hasHeader;
    }

    public ObservableList<List<String>> sampleRows() {
        return sampleRows;
    }

    public ObservableList<ColumnChoice> columns() {
        return columns;
    }

    public BooleanProperty saveMappingProperty() {
        return saveMapping;
    }

    public StringBinding mappingProblemProperty() {
        return mappingProblem;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty listProperty() {
        return list;
    }

    /** The account's list names, offered in the list option; filled by whoever opens the wizard. */
    public ObservableList<String> listChoices() {
        return listChoices;
    }

    public ObjectProperty<TagMode> tagModeProperty() {
        return tagMode;
    }

    public ObjectProperty<DuplicatePolicy> duplicatesProperty() {
        return duplicates;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public ImportJobViewModel job() {
        return job;
    }
}
