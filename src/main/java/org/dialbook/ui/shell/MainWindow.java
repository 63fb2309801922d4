package org.dialbook.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import java.util.Optional;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.AfterImport;
import org.dialbook.ui.ConnectionPanel;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.ImportHandler;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.Job;
import org.dialbook.ui.common.TaskExecutor;
import org.dialbook.ui.common.WindowSizing;
import org.dialbook.ui.help.AboutDialog;
import org.dialbook.ui.help.KeyboardShortcuts;
import org.dialbook.ui.help.KeyboardShortcutsDialog;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The main window: menu bar, the sandbox banner, the contacts (or why they are not there yet), a
 * drop zone for CSV files, and the status bar.
 */
public final class MainWindow {
    static final String STYLESHEET = MainWindow.class.getResource("main-window.css").toExternalForm();

    private final Stage stage;
    private final DesktopContext context;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ShellViewModel shell;
    private final DesktopPreferences preferences;
    private final StackPane center = new StackPane();
    /** How long opening the connection may take before the window says it is opening. */
    private static final Duration CONNECTING_NOTICE_AFTER = Duration.ofMillis(400);
    private Cancellable pendingConnectingNotice = () -> { };
    private final Label totalLabel = new Label();
    private static final WindowSizing.Size MIN_SIZE = new WindowSizing.Size(720, 420);
    /** The scene's 1300×740 plus a title bar: room for the lists panel and every column header whole. */
    private static final WindowSizing.Size PREFERRED_SIZE = new WindowSizing.Size(1300, 768);
    /** The mirror's "Synced 2 min ago" or indexing state. */
    private final Label mirrorLabel = new Label();
    private final List<MenuItem> contactActions = new ArrayList<>();
    /** Not among contactActions: it follows whether the account answers, not only whether one is open. */
    private MenuItem newContactItem;
    /** Bound to the open account's history: Ctrl+Z never undoes a change made to another account. */
    private MenuItem undoItem;
    private List<Menu> menus = List.of();
    /** A menu was just opened with Alt+letter: the Alt release that follows must not close it. */
    private boolean menuOpenedByMnemonic;
    private final ContactsPaneFactory contactsFactory;
    private final Optional<ConnectionPanel> panel;
    private ContactsPane contacts;
    private boolean offeredInterruptedImports;

    /** Builds the contacts view for an opened connection. */
    @FunctionalInterface
    public interface ContactsPaneFactory {
        ContactsPane create(ActiveConnection connection, TaskExecutor executor, DialogService dialogs,
                DesktopPreferences preferences, Runnable onSynced);
    }

    public MainWindow(Stage stage, DesktopContext context, TaskExecutor executor, DialogService dialogs,
            ContactsPaneFactory contactsFactory, ConnectionPanel panel) {
        this.stage = stage;
        this.panel = Optional.ofNullable(panel);
        this.contactsFactory = contactsFactory;
        this.context = context;
        this.executor = executor;
        this.dialogs = dialogs;
        this.shell = new ShellViewModel(context.connections(), executor);
        this.preferences = DesktopPreferences.load(context.configDir());
    }

    /** Builds the scene, shows the window and starts connecting in the background. */
    public void show() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        root.setTop(new VBox(menuBar(), banner()));
        root.setCenter(new StackPane(center, dropZone()));
        root.setBottom(statusBar());

        Scene scene = new Scene(root, 1300, 740);
        scene.getStylesheets().add(STYLESHEET);
        if (!Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW)) {
            scene.getStylesheets().add(MainWindow.class.getResource("flat-popups.css").toExternalForm());
        }
        stage.setScene(scene);
        stage.setTitle("Dialbook");
        applyTheme(preferences.theme());
        restoreGeometry();
        stage.setOnCloseRequest(event -> close());

        shell.connectionProperty().addListener((obs, old, now) -> showConnection(now));
        shell.stateProperty().addListener((obs, old, now) -> showState());
        showState();
        WindowSizing.keepMaximizedAcrossDialogs(stage);
        stage.addEventFilter(KeyEvent.KEY_PRESSED, this::openMenuByMnemonic);
        stage.addEventFilter(KeyEvent.KEY_RELEASED, this::keepMenuOpenOnAltRelease);
        stage.show();
        LayoutPulses.whenRowsLaidOut(scene, laidOut -> context.connections().firstPageShown());
        connectAfterFirstFrame(scene);
        reportProfilesProblem();
        context.activations().ifPresent(later -> later.onActivate(files -> executor.schedule(Duration.ZERO,
                () -> activate(files))));
    }

    /**
     * Starts connecting once the window has had its first frame. The first connection is usually
     * open by then (it opens while JavaFX starts), and building the contacts table straight after
     * show() kept the FX thread from taking the window manager's resize: the window stood small and
     * blank for most of a second under Openbox.
     */
    private void connectAfterFirstFrame(Scene scene) {
        LayoutPulses.afterNext(scene, () -> Platform.runLater(shell::connect));
    }

    /**
     * A profiles file that could not be read was set aside at start-up; say so once, now, rather than
     * only when the profiles panel is opened. Asked in the background in case the service touches disk.
     */
    private void reportProfilesProblem() {
        context.profileService().ifPresent(service -> BackgroundTask.quiet(progress -> service.loadProblem())
                .onSuccess(problem -> problem.ifPresent(
                        text -> dialogs.showError("Saved connection profiles were not loaded", text)))
                .onFailure(error -> dialogs.showError("Saved connection profiles were not loaded", error))
                .executeWith(executor));
    }

    private void showState() {
        pendingConnectingNotice.cancel();
        switch (shell.stateProperty().get()) {
            case CONNECTING -> {
                // Usually the contacts replace this within the first frame (the connection opens while
                // JavaFX starts): a spinner that flashes for a frame is noise, and its skin and
                // animation cost the first frame time. It shows when opening takes longer.
                Node pending = new StackPane();
                center.getChildren().setAll(pending);
                pendingConnectingNotice = executor.schedule(CONNECTING_NOTICE_AFTER, () -> {
                    if (shell.stateProperty().get() == ShellViewModel.State.CONNECTING
                            && center.getChildren().equals(List.of(pending))) {
                        center.getChildren().setAll(placeholder(new ProgressIndicator(), "Opening your contacts…",
                                "Starting the local sandbox or connecting to Exotel. This takes a few seconds."));
                    }
                });
            }
            case FAILED -> {
                Button retry = new Button("Retry");
                retry.setDefaultButton(true);
                retry.setOnAction(event -> shell.connect());
                Button connect = new Button("Connect Exotel account…");
                connect.setOnAction(event -> openConnectionPanel());
                connect.setDisable(panel.isEmpty());
                Node box = placeholder(icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE, "state-icon-error"),
                        "Could not open your contacts", shell.failureProperty().get());
                ((VBox) box).getChildren().add(new HBox(8, retry, connect));
                ((HBox) ((VBox) box).getChildren().get(((VBox) box).getChildren().size() - 1))
                        .setAlignment(Pos.CENTER);
                center.getChildren().setAll(box);
            }
            case CONNECTED -> {
                // showConnection puts the table in place
            }
        }
    }

    private void showConnection(ActiveConnection connection) {
        if (contacts != null) {
            contacts.dispose();
            contacts = null;
        }
        if (connection == null) {
            newContactItem.disableProperty().unbind();
            newContactItem.setDisable(true);
            undoItem.disableProperty().unbind();
            undoItem.textProperty().unbind();
            undoItem.setDisable(true);
            undoItem.setText("_Undo");
            contactActions.forEach(item -> item.setDisable(true));
            totalLabel.textProperty().unbind();
            totalLabel.setText("");
            return;
        }
        contacts = contactsFactory.create(connection, executor, dialogs, preferences, shell::markSynced);
        totalLabel.textProperty().bind(contacts.totalText());
        mirrorLabel.textProperty().unbind();
        mirrorLabel.setText("");
        if (contacts.syncText() != null) {
            mirrorLabel.textProperty().bind(contacts.syncText());
        }
        center.getChildren().setAll(contacts.node());
        contactActions.forEach(item -> item.setDisable(false));
        newContactItem.disableProperty().bind(Bindings.not(contacts.canAdd()));
        undoItem.disableProperty().bind(Bindings.not(contacts.canUndo()));
        undoItem.textProperty().bind(contacts.undoText());
        if (context.file().isPresent()) {
            // Opening that file already offers to resume an interrupted import of it.
            openImport(List.of(context.file().get()));
        } else if (!offeredInterruptedImports && context.importHandler() != null) {
            context.importHandler().offerInterruptedImports(stage, connection, afterImportInto(contacts));
        }
        offeredInterruptedImports = true;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        MenuItem newContact = item("_New contact…", "Shortcut+N", () -> contacts.newContact());
        newContactItem = newContact;
        MenuItem importItem = item("_Import CSV…", "Shortcut+I", () -> openImport(List.of()));
        importItem.setGraphic(new FontIcon(MaterialDesignF.FILE_IMPORT));
        importItem.setDisable(context.importer().isEmpty());
        MenuItem export = item("_Export to CSV…", "Shortcut+Shift+S", () -> contacts.export());
        MenuItem quit = item("_Quit", "Shortcut+Q", this::quit);
        quit.setGraphic(new FontIcon(MaterialDesignE.EXIT_TO_APP));
        file.getItems().addAll(newContact, new SeparatorMenuItem(), importItem, export, new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        undoItem = item("_Undo", "Shortcut+Z", () -> contacts.undo());
        undoItem.setDisable(true);
        MenuItem history = item("_History…", "Shortcut+H", () -> contacts.showHistory());
        MenuItem editContact = item("_Edit contact…", "Shortcut+E", () -> contacts.editSelected());
        MenuItem bulk = item("Edit _selected contacts…", "Shortcut+Shift+E", () -> contacts.bulkEdit());
        MenuItem selectAllMatching = item("Select _all matching", "Shortcut+Shift+A",
                () -> contacts.selectAllMatching());
        MenuItem copy = item("_Copy rows (TSV)", "Shortcut+C", () -> contacts.copySelection(false));
        MenuItem copyCsv = item("Copy rows as CS_V", "Shortcut+Shift+C", () -> contacts.copySelection(true));
        MenuItem delete = item("_Delete…", "Delete", () -> contacts.deleteSelected());
        MenuItem find = item("_Find…", "Shortcut+F", () -> contacts.focusSearch());
        edit.getItems().addAll(undoItem, history, new SeparatorMenuItem(), editContact, bulk, selectAllMatching, new SeparatorMenuItem(), copy, copyCsv,
                new SeparatorMenuItem(), delete, new SeparatorMenuItem(), find);
        newContact.setDisable(true);
        contactActions.addAll(List.of(history, export, editContact, bulk, selectAllMatching, copy, copyCsv, delete, find));

        Menu view = new Menu("_View");
        MenuItem refresh = item("_Refresh", "F5", () -> contacts.refresh());
        contactActions.add(refresh);
        Menu theme = new Menu("_Theme");
        theme.setGraphic(new FontIcon(MaterialDesignT.THEME_LIGHT_DARK));
        ToggleGroup themes = new ToggleGroup();
        for (DesktopPreferences.Theme choice : DesktopPreferences.Theme.values()) {
            RadioMenuItem option = new RadioMenuItem(switch (choice) {
                case SYSTEM -> "Follow the _system";
                case LIGHT -> "_Light";
                case DARK -> "_Dark";
            });
            option.setToggleGroup(themes);
            option.setSelected(choice == preferences.theme());
            option.setOnAction(event -> {
                preferences.setTheme(choice);
                applyTheme(choice);
            });
            theme.getItems().add(option);
        }
        view.getItems().addAll(refresh, theme);
        contactActions.forEach(entry -> entry.setDisable(true));

        Menu connection = new Menu("_Connection");
        MenuItem connect = item("_Connect Exotel account…", "Shortcut+Comma", this::openConnectionPanel);
        connect.setGraphic(new FontIcon(MaterialDesignL.LAN_CONNECT));
        connect.setDisable(panel.isEmpty());
        MenuItem reconnect = item("_Reconnect", null, shell::connect);
        connection.getItems().addAll(connect, reconnect);

        Menu help = new Menu("_Help");
        MenuItem logs = item("Open _log folder", null, this::openLogFolder);
        logs.setGraphic(new FontIcon(MaterialDesignF.FOLDER_OPEN));
        MenuItem shortcuts = item("_Keyboard shortcuts", "Shortcut+Slash", this::openShortcuts);
        shortcuts.setGraphic(new FontIcon(MaterialDesignK.KEYBOARD_OUTLINE));
        MenuItem about = item("_About Dialbook", "Shortcut+F1", this::openAbout);
        about.setGraphic(new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        help.getItems().addAll(shortcuts, logs, new SeparatorMenuItem(), about);

        menus = List.of(file, edit, view, connection, help);
        MenuBar bar = new MenuBar(file, edit, view, connection, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /**
     * Alt+F, Alt+E, ... open their menus. JavaFX 21.0.12 opens the menu on the letter, but when Alt
     * is let go before the letter (xdotool does, and so do quick typists) its menu bar takes the
     * lone Alt release as "Alt pressed alone", closes the menu and highlights File. So the window
     * opens the menu itself and keeps that one Alt release from the menu bar.
     */
    private void openMenuByMnemonic(KeyEvent event) {
        menuOpenedByMnemonic = false;
        if (!event.isAltDown() || event.isControlDown() || event.isMetaDown() || event.isShiftDown()) {
            return;
        }
        for (Menu menu : menus) {
            if (!menu.isDisable() && mnemonicKey(menu.getText()) == event.getCode()) {
                menus.stream().filter(other -> other != menu).forEach(Menu::hide);
                menu.show();
                menuOpenedByMnemonic = true;
                event.consume();
                return;
            }
        }
    }

    private void keepMenuOpenOnAltRelease(KeyEvent event) {
        if (menuOpenedByMnemonic && event.getCode() == KeyCode.ALT) {
            menuOpenedByMnemonic = false;
            event.consume();
        }
    }

    /** The key of the letter after '_' in a menu's text ("_Edit": E), or null. */
    static KeyCode mnemonicKey(String text) {
        int mark = text == null ? -1 : text.indexOf('_');
        if (mark < 0 || mark + 1 >= text.length()) {
            return null;
        }
        return KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(text.charAt(mark + 1))));
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private Node banner() {
        Label text = new Label("Sandbox — not connected to Exotel");
        text.setGraphic(new FontIcon(MaterialDesignC.CLOUD_OFF_OUTLINE));
        text.getStyleClass().add("banner-title");
        text.setMinWidth(Region.USE_PREF_SIZE);
        Label detail = new Label("Demo contacts kept on this computer; nothing is sent to Exotel.");
        detail.setMinWidth(0);
        detail.getStyleClass().add("banner-detail");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button connect = new Button("Connect Exotel account…");
        connect.setId("connect-account");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setGraphic(new FontIcon(MaterialDesignL.LAN_CONNECT));
        connect.setOnAction(event -> openConnectionPanel());
        connect.setDisable(panel.isEmpty());
        HBox banner = new HBox(12, text, detail, spacer, connect);
        banner.setId("sandbox-banner");
        banner.getStyleClass().add("sandbox-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(shell.sandboxProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node statusBar() {
        Label profile = new Label();
        profile.setId("status-profile");
        profile.textProperty().bind(shell.profileTextProperty());
        Label location = new Label();
        location.setId("status-location");
        location.textProperty().bind(Bindings.createStringBinding(() -> {
            ActiveConnection connection = shell.connectionProperty().get();
            return connection == null ? "" : connection.location();
        }, shell.connectionProperty()));
        totalLabel.setId("status-total");
        mirrorLabel.setId("status-mirror");
        Label sync = new Label();
        sync.setId("status-sync");
        sync.textProperty().bind(shell.lastSyncTextProperty());
        // With a mirror, its "Synced 2 min ago" says more than the time of the last page.
        sync.visibleProperty().bind(mirrorLabel.textProperty().isEmpty());
        sync.managedProperty().bind(sync.visibleProperty());
        HBox jobs = new HBox(8);
        jobs.setAlignment(Pos.CENTER_RIGHT);
        executor.runningJobs().addListener((ListChangeListener<Job>) change -> {
            jobs.getChildren().clear();
            for (Job job : executor.runningJobs()) {
                ProgressBar bar = new ProgressBar();
                bar.setPrefWidth(110);
                bar.progressProperty().bind(job.progressProperty());
                Label title = new Label();
                title.textProperty().bind(Bindings.createStringBinding(() -> job.messageProperty().get().isEmpty()
                        ? job.title() : job.title() + ": " + job.messageProperty().get(), job.messageProperty()));
                Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
                cancel.getStyleClass().addAll("flat", "small");
                cancel.setTooltip(new javafx.scene.control.Tooltip("Cancel " + job.title()));
                cancel.setAccessibleText("Cancel " + job.title());
                cancel.setOnAction(event -> job.cancel());
                jobs.getChildren().addAll(title, bar, cancel);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, profile, new Separator(javafx.geometry.Orientation.VERTICAL), location,
                new Separator(javafx.geometry.Orientation.VERTICAL), totalLabel,
                new Separator(javafx.geometry.Orientation.VERTICAL), sync, mirrorLabel, spacer, jobs);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    /** The overlay shown while files are dragged over the window; the handler decides what to do. */
    private Node dropZone() {
        Label hint = new Label("Drop CSV files to import them");
        hint.setGraphic(new FontIcon(MaterialDesignT.TRAY_ARROW_DOWN));
        hint.getStyleClass().add("drop-hint");
        StackPane overlay = new StackPane(hint);
        overlay.getStyleClass().add("drop-zone");
        overlay.setVisible(false);
        overlay.setMouseTransparent(true);
        center.setOnDragOver(event -> {
            if (acceptable(event)) {
                event.acceptTransferModes(TransferMode.COPY);
                overlay.setVisible(true);
            } else if (context.importHandler() != null && contacts != null && event.getDragboard().hasFiles()) {
                // No highlight, but take the drop so the import can say why these files are refused.
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        center.setOnDragExited(event -> overlay.setVisible(false));
        center.setOnDragDropped(event -> {
            overlay.setVisible(false);
            List<Path> files = event.getDragboard().hasFiles()
                    ? event.getDragboard().getFiles().stream().map(File::toPath).toList() : List.of();
            boolean accepted = !files.isEmpty() && context.importer().isPresent() && contacts != null;
            event.setDropCompleted(accepted);
            event.consume();
            if (accepted) {
                Platform.runLater(() -> openImport(files));
            }
        });
        return overlay;
    }

    private boolean acceptable(DragEvent event) {
        ImportHandler handler = context.importHandler();
        return handler != null && contacts != null && event.getDragboard().hasFiles()
                && event.getDragboard().getFiles().stream().map(File::toPath).anyMatch(handler::accepts);
    }

    private void openImport(List<Path> files) {
        ActiveConnection connection = shell.connectionProperty().get();
        if (context.importHandler() == null || connection == null) {
            return;
        }
        context.importHandler().openImport(stage, files, connection, afterImportInto(contacts));
    }

    /**
     * An import reports to the account it was opened on: if the window has switched accounts since,
     * its undo must not land in the other account's history.
     */
    private AfterImport afterImportInto(ContactsPane target) {
        return new AfterImport() {
            @Override
            public void contactsChanged() {
                if (contacts == target) {
                    target.refresh();
                }
            }

            @Override
            public void undoable(UndoableImport finished) {
                if (contacts == target) {
                    target.recordImport(finished);
                }
            }
        };
    }

    private void openConnectionPanel() {
        panel.ifPresent(panel -> {
            if (panel.show(stage)) {
                shell.connect();
            }
        });
    }

    private void openShortcuts() {
        new KeyboardShortcutsDialog(stage, KeyboardShortcuts.collect(menus)).showAndWait();
    }

    private void openAbout() {
        new AboutDialog(stage, AboutDialog.folders(context.configDir(), context.data().orElse(null), context.logsDir()),
                this::openFolder).showAndWait();
    }

    private void openLogFolder() {
        openFolder(context.logsDir());
    }

    private void openFolder(Path folder) {
        BackgroundTask.quiet(progress -> FolderOpener.open(folder))
                .onSuccess(opened -> {
                    if (!opened) {
                        dialogs.showInfo("Folder", "The folder is:\n" + folder);
                    }
                })
                .onFailure(error -> dialogs.showInfo("Folder",
                        "Could not open the folder (" + error.getMessage() + "). It is:\n" + folder))
                .executeWith(executor);
    }

    private static Node placeholder(Node graphic, String title, String detail) {
        Label heading = new Label(title);
        heading.getStyleClass().add("placeholder-title");
        Label text = new Label(detail);
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.getStyleClass().add("placeholder-detail");
        text.setId("placeholder-detail");
        VBox box = new VBox(12, graphic, heading, text);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        return box;
    }

    private static Node icon(org.kordamp.ikonli.Ikon ikon, String styleClass) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(48);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    /**
     * Sets the saved theme as the user-agent stylesheet. Called before the first control exists:
     * the first control otherwise parses JavaFX's own Modena stylesheet (about 90 ms at start-up),
     * only for the theme to replace it.
     */
    public static void applySavedTheme(Path configDir) {
        applyTheme(DesktopPreferences.load(configDir).theme());
    }

    private static void applyTheme(DesktopPreferences.Theme theme) {
        boolean dark = theme == DesktopPreferences.Theme.DARK
                || theme == DesktopPreferences.Theme.SYSTEM && SystemTheme.prefersDark();
        String stylesheet = dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
        // The launcher set the saved theme before the first control; setting it again restyles every node.
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    private void restoreGeometry() {
        Optional<DesktopPreferences.Geometry> saved = preferences.geometry();
        WindowSizing.restore(stage, saved.map(geometry -> new Rectangle2D(geometry.x(), geometry.y(), geometry.width(),
                geometry.height())).orElse(null), MIN_SIZE, PREFERRED_SIZE);
        saved.filter(DesktopPreferences.Geometry::maximized).ifPresent(geometry -> stage.setMaximized(true));
    }

    /** Another launch for the same data folder: come to the front and open what it was given. */
    private void activate(List<Path> files) {
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        if (!files.isEmpty() && contacts != null) {
            openImport(files);
        }
    }

    private void quit() {
        close();
        stage.close();
    }

    /** Saves the window's settings and lets go of the connection. */
    public void close() {
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            preferences.setGeometry(new DesktopPreferences.Geometry(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), false));
        } else if (stage.isMaximized()) {
            preferences.geometry().ifPresent(old -> preferences.setGeometry(new DesktopPreferences.Geometry(
                    old.x(), old.y(), old.width(), old.height(), true)));
        }
        if (contacts != null) {
            contacts.saveColumnWidths();
            contacts.dispose();
        }
        preferences.save();
        // Synchronous on purpose: the sandbox's database must be closed before the JVM exits.
        shell.close();
    }

    public ShellViewModel viewModel() {
        return shell;
    }
}
