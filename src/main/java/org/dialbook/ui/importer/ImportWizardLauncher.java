package org.dialbook.ui.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListsQuery;
import org.dialbook.api.ContactsApi;
import org.dialbook.importer.DroppedFiles;
import org.dialbook.importer.ImportDestination;
import org.dialbook.importer.ImportManifest;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.Previewer;
import org.dialbook.importer.UnfinishedImports;
import org.dialbook.mirror.MirroredContacts;
import org.dialbook.mirror.ReadGate;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.AfterImport;
import org.dialbook.ui.ImportHandler;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs the wizard into the main window: sorts dropped files (explaining rejections), offers to
 * resume an interrupted import of the same file (and, at start-up, the newest interrupted import of
 * any file), and opens one wizard per accepted file.
 */
public final class ImportWizardLauncher implements ImportHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWizardLauncher.class);

    private final Path importsDir;
    private final Path mappingsDir;
    private final TaskExecutor executor;
    private final Function<Window, DialogService> dialogs;
    private Stage lastWizard;

    /**
     * @param executor the app-wide executor; every wizard shares it, and closing a wizard cancels only its own job
     * @param dialogs the dialogs owned by a given window
     */
    public ImportWizardLauncher(Path importsDir, Path mappingsDir, TaskExecutor executor,
            Function<Window, DialogService> dialogs) {
        this.importsDir = importsDir;
        this.mappingsDir = mappingsDir;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    @Override
    public boolean accepts(Path file) {
        return DroppedFiles.looksImportable(file);
    }

    @Override
    public void openImport(Window owner, List<Path> files, ActiveConnection connection, AfterImport afterImport) {
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

    /**
     * Looks for interrupted imports in the background, then asks once about the newest: resume it in
     * the wizard now, or later (it is offered again at the next start, or when its file is opened).
     */
    @Override
    public void offerInterruptedImports(Window owner, ActiveConnection connection, AfterImport afterImport) {
        BackgroundTask.quiet(progress -> UnfinishedImports.find(importsDir, destinationOf(connection)))
                .onSuccess(found -> offer(owner, found, connection, afterImport))
                .onFailure(error -> LOG.warn("Could not look for interrupted imports in {}: {}", importsDir,
                        error.getMessage()))
                .executeWith(executor);
    }

    private void offer(Window owner, List<UnfinishedImports.Unfinished> found, ActiveConnection connection,
            AfterImport afterImport) {
        if (found.isEmpty()) {
            return;
        }
        DialogService dialogService = dialogs.apply(owner);
        UnfinishedImports.Unfinished newest = found.get(0);
        String progress = newest.rowsTotal() >= 0
                ? "at " + newest.rowsDone() + " of " + newest.rowsTotal() + " rows"
                : "after " + newest.rowsDone() + " rows";
        String others = found.size() == 1 ? "" : " (" + (found.size() - 1) + " older interrupted "
                + (found.size() == 2 ? "import is" : "imports are") + " offered when you open their files.)";
        if (!newest.fileExists()) {
            dialogService.showError("The interrupted import cannot be resumed", "An import of " + newest.fileName()
                    + " was interrupted " + progress + ", but the file is no longer at " + newest.file()
                    + ". Put it back there and open it again to resume; rows already imported are not sent again."
                    + others);
            return;
        }
        int answer = dialogService.choose("Resume the interrupted import?", "An import of " + newest.fileName()
                + " was interrupted " + progress + ". Resume it now? Rows already imported are not sent again. "
                + "Discard stops offering it; the contacts it created stay." + others,
                List.of("Resume", "Discard", "Later"));
        if (answer == 0) {
            wizard(owner, newest.file(), newest.id(), connection, afterImport, dialogService);
        } else if (answer == 1) {
            try {
                UnfinishedImports.abandon(importsDir, newest.id());
            } catch (IOException | RuntimeException e) {
                dialogService.showError("Could not discard the interrupted import", e);
            }
        }
    }

    private void open(Window owner, Path file, ActiveConnection connection, AfterImport afterImport,
            DialogService dialogService) {
        if (file == null) {
            wizard(owner, null, null, connection, afterImport, dialogService);
            return;
        }
        Optional<ImportManifest> open = findResumable(new ImportRunner(importApi(connection), importsDir, destinationOf(connection)), file);
        boolean resume = open.isPresent() && dialogService.confirm("Resume the import?", file.getFileName()
                + " was being imported on " + open.get().createdAt() + " and did not finish. Resume it? Rows already "
                + "imported are not sent again.", "Resume");
        wizard(owner, file, resume ? open.get().id() : null, connection, afterImport, dialogService);
    }

    /** Opens a wizard, on {@code file} when given, resuming import {@code resumeId} when given. */
    private void wizard(Window owner, Path file, String resumeId, ActiveConnection connection, AfterImport afterImport,
            DialogService dialogService) {
        ImportRunner runner = new ImportRunner(importApi(connection), importsDir, destinationOf(connection));
        if (connection.api() instanceof ContactsClient client) {
            runner = runner.withLists(client.lists());
        }
        if (connection.mirror() != null) {
            // The panel counts lists from the mirror: the new list and its members show at once.
            runner.reportingListChangesTo(connection.mirror().lists().importChanges());
        }
        ImportJobViewModel job = new ImportJobViewModel(executor, dialogService, new Previewer(importApi(connection)),
                runner, afterImport);
        ImportWizardViewModel viewModel = new ImportWizardViewModel(executor, dialogService,
                new MappingStore(mappingsDir), job, connection.defaultCountry());
        if (connection.api() instanceof ContactsClient client) {
            BackgroundTask.quiet(progress -> client.lists().allLists(ListsQuery.firstPage()).stream()
                            .map(CampaignList::name).toList())
                    .onSuccess(viewModel.listChoices()::setAll)
                    .onFailure(error -> LOG.debug("List names for the wizard could not be read", error))
                    .executeWith(executor);
        }
        ImportWizardView view = new ImportWizardView(viewModel);
        Stage stage = view.show(owner);
        // The executor is shared with the window: stop this wizard's work, not everyone's.
        stage.setOnHidden(event -> job.cancel());
        lastWizard = stage;
        if (file == null) {
            return;
        }
        viewModel.openFile(file);
        if (resumeId != null) {
            viewModel.resume(resumeId);
        }
    }

    /**
     * Names where an import's contacts go, so an interrupted import is only resumed into the same place:
     * the composition root spells it with {@code ImportDestination}, as the CLI does.
     */
    /**
     * The API the import uses: with the account's mirror, its duplicate check reads the mirror after
     * an incremental sync instead of walking the account, and its creates update the mirror.
     */
    static ContactsApi importApi(ActiveConnection connection) {
        if (connection.mirror() == null) {
            return connection.api();
        }
        return new MirroredContacts(connection.api(), connection.mirror(), ReadGate.forApi(connection.api()),
                Clock.systemUTC());
    }

    static String destinationOf(ActiveConnection connection) {
        if (connection.importDestination() != null) {
            return connection.importDestination();
        }
        return connection.sandbox() ? ImportDestination.BUILT_IN_SANDBOX : "profile " + connection.profileName()
                + " at " + connection.location();
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
