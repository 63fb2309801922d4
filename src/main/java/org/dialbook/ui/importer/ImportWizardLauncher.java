package org.dialbook.ui.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dialbook.importer.DroppedFiles;
import org.dialbook.importer.ImportManifest;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.Previewer;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ImportHandler;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.FxDialogService;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs the wizard into the main window: sorts dropped files (explaining rejections), offers to
 * resume an interrupted import of the same file, and opens one wizard per accepted file.
 */
public final class ImportWizardLauncher implements ImportHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWizardLauncher.class);

    private final Path importsDir;
    private final Path mappingsDir;
    private final Supplier<TaskExecutor> executors;
    private final Function<Window, DialogService> dialogs;
    private Stage lastWizard;

    public ImportWizardLauncher(Path importsDir, Path mappingsDir) {
        this(importsDir, mappingsDir, FxTaskExecutor::new, owner -> new FxDialogService(() -> owner));
    }

    /** Test seam: which executor and dialogs the wizards use. */
    ImportWizardLauncher(Path importsDir, Path mappingsDir, Supplier<TaskExecutor> executors,
            Function<Window, DialogService> dialogs) {
        this.importsDir = importsDir;
        this.mappingsDir = mappingsDir;
        this.executors = executors;
        this.dialogs = dialogs;
    }

    @Override
    public boolean accepts(Path file) {
        return DroppedFiles.looksImportable(file);
    }

    @Override
    public void openImport(Window owner, List<Path> files, ActiveConnection connection, Runnable afterImport) {
        DialogService dialogService = dialogs.apply(owner);
        if (files.isEmpty()) {
            open(owner, null, connection, afterImport, dialogService);
            return;
        }
        DroppedFiles sorted = DroppedFiles.sort(files);
        if (!sorted.rejected().isEmpty()) {
            dialogService.showError(sorted.rejected().size() == 1 ? "This file cannot be imported"
                    : "These files cannot be imported", sorted.rejectionMessage());
        }
        for (Path file : sorted.accepted()) {
            open(owner, file, connection, afterImport, dialogService);
        }
    }

    private void open(Window owner, Path file, ActiveConnection connection, Runnable afterImport,
            DialogService dialogService) {
        TaskExecutor executor = executors.get();
        ImportRunner runner = new ImportRunner(connection.api(), importsDir);
        ImportJobViewModel job = new ImportJobViewModel(executor, dialogService, new Previewer(connection.api()),
                runner, afterImport);
        ImportWizardViewModel viewModel = new ImportWizardViewModel(executor, dialogService,
                new MappingStore(mappingsDir), job, connection.defaultCountry());
        ImportWizardView view = new ImportWizardView(viewModel);
        Stage stage = view.show(owner);
        stage.setOnHidden(event -> executor.shutdown());
        lastWizard = stage;
        if (file == null) {
            return;
        }
        Optional<ImportManifest> open = findResumable(runner, file);
        if (open.isPresent() && dialogService.confirm("Resume the import?", file.getFileName()
                + " was being imported on " + open.get().createdAt() + " and did not finish. Resume it? Rows already "
                + "imported are not sent again.", "Resume")) {
            viewModel.openFile(file);
            viewModel.resume(open.get().id());
            return;
        }
        viewModel.openFile(file);
    }

    private static Optional<ImportManifest> findResumable(ImportRunner runner, Path file) {
        try {
            return runner.resumable(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not look for an interrupted import of {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The most recently opened wizard window, for tests. */
    Stage lastWizard() {
        return lastWizard;
    }
}
