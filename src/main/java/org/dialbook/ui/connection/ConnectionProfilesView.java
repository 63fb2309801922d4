package org.dialbook.ui.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.binding.StringBinding;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.dialbook.api.Region;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.credentials.ProfileService;
import org.dialbook.ui.ConnectionPanel;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.TaskExecutor;
import org.dialbook.ui.common.WindowSizing;
import org.dialbook.ui.connection.ConnectionProfilesViewModel.Status;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * The connection-profiles dialog: add, edit, test, delete and choose the profile the window shows.
 * Layout in {@code connection-profiles.fxml}; all state and actions in
 * {@link ConnectionProfilesViewModel}.
 */
public final class ConnectionProfilesView {
    private static final String FXML = "connection-profiles.fxml";
    private static final String CSS = "connection-profiles.css";

    /** The dialog's main button: saves if needed, makes the profile active and closes. */
    public static final ButtonType USE = new ButtonType("_Use this profile", ButtonBar.ButtonData.OK_DONE);

    @FXML
    private ListView<ConnectionProfile> profileList;
    @FXML
    private Button addButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Label sandboxNote;
    @FXML
    private GridPane form;
    @FXML
    private TextField nameField;
    @FXML
    private ComboBox<Region> regionChoice;
    @FXML
    private TextField urlField;
    @FXML
    private Label regionNote;
    @FXML
    private TextField accountSidField;
    @FXML
    private TextField apiKeyField;
    @FXML
    private PasswordField apiTokenField;
    @FXML
    private TextField countryField;
    @FXML
    private TextField writesField;
    @FXML
    private TextField readsField;
    @FXML
    private Label formError;
    @FXML
    private Label keychainLabel;
    @FXML
    private Button testButton;
    @FXML
    private Button saveButton;
    @FXML
    private Label statusIcon;
    @FXML
    private Label statusLabel;

    private final ConnectionProfilesViewModel viewModel;
    private final Dialog<Void> dialog = new Dialog<>();
    private final ValidationSupport validation = new ValidationSupport();
    private boolean syncingSelection;

    public ConnectionProfilesView(ConnectionProfilesViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(ConnectionProfilesView.class.getResource(FXML));
        loader.setController(this);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The connection profiles layout could not be loaded", e);
        }
        DialogPane pane = dialog.getDialogPane();
        pane.setContent(root);
        pane.getStylesheets().add(ConnectionProfilesView.class.getResource(CSS).toExternalForm());
        pane.getButtonTypes().setAll(USE, ButtonType.CLOSE);
        // A fixed opening size: wrapped messages are measured only once laid out, which would clip them.
        pane.setPrefSize(840, 680);
        dialog.setTitle("Connection profiles");
        dialog.setResizable(true);
        dialog.setResultConverter(button -> null);
        bindButtons(pane);
        dialog.setOnShown(event -> keepOnScreen());
    }

    /** Centred on a small main window, the dialog's top (and its first fields) could be off screen. */
    private void keepOnScreen() {
        Rectangle2D screen = Screen.getScreensForRectangle(dialog.getX(), dialog.getY(), dialog.getWidth(),
                dialog.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (dialog.getY() < screen.getMinY()) {
            dialog.setY(screen.getMinY());
        }
        if (dialog.getX() < screen.getMinX()) {
            dialog.setX(screen.getMinX());
        }
    }

    /** The panel the main window opens (Connection → Connect Exotel account…, Ctrl+,). */
    public static ConnectionPanel panel(ProfileService service, ConnectionTester tester, TaskExecutor executor,
            DialogService dialogs) {
        return owner -> new ConnectionProfilesView(new ConnectionProfilesViewModel(service, tester, executor, dialogs))
                .showAndWait(owner);
    }

    /** Shows the dialog modally; true when the active profile changed, so the window reconnects. */
    public boolean showAndWait(Window owner) {
        WindowSizing.fit(dialog, owner, new WindowSizing.Size(640, 520), new WindowSizing.Size(840, 680));
        dialog.showAndWait();
        return viewModel.activeChanged();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }

    @FXML
    private void initialize() {
        ProfileForm fields = viewModel.form();
        nameField.textProperty().bindBidirectional(fields.nameProperty());
        regionChoice.getItems().setAll(Region.values());
        regionChoice.valueProperty().bindBidirectional(fields.regionProperty());
        regionChoice.disableProperty().bind(fields.customServer());
        urlField.textProperty().bindBidirectional(fields.urlProperty());
        accountSidField.textProperty().bindBidirectional(fields.accountSidProperty());
        apiKeyField.textProperty().bindBidirectional(fields.apiKeyProperty());
        apiTokenField.textProperty().bindBidirectional(fields.apiTokenProperty());
        countryField.textProperty().bindBidirectional(fields.countryProperty());
        writesField.textProperty().bindBidirectional(fields.writesPerMinuteProperty());
        readsField.textProperty().bindBidirectional(fields.readsPerMinuteProperty());

        // The sandbox has nothing to edit: its note replaces the form.
        form.visibleProperty().bind(fields.readOnlyProperty().not());
        keychainLabel.visibleProperty().bind(fields.readOnlyProperty().not());
        formError.textProperty().bind(fields.firstError());
        formError.visibleProperty().bind(fields.firstError().isNotEmpty());
        sandboxNote.visibleProperty().bind(fields.readOnlyProperty());
        regionNote.textProperty().bind(fields.regionNote());
        regionNote.visibleProperty().bind(fields.regionNote().isNotEmpty());
        regionNote.managedProperty().bind(fields.regionNote().isNotEmpty());

        validate(nameField, fields.nameError());
        validate(urlField, fields.urlError());
        validate(accountSidField, fields.accountSidError());
        validate(apiKeyField, fields.apiKeyError());
        validate(apiTokenField, fields.apiTokenError());
        validate(countryField, fields.countryError());
        validate(writesField, fields.budgetError());
        validate(readsField, fields.budgetError());

        keychainLabel.textProperty().bind(viewModel.keychainMessageProperty());
        viewModel.keychainMissingProperty().addListener((obs, old, missing) -> showKeychainState(missing));
        showKeychainState(viewModel.keychainMissingProperty().get());

        testButton.disableProperty().bind(viewModel.canTest().not());
        saveButton.disableProperty().bind(viewModel.canSave().not());
        deleteButton.disableProperty().bind(viewModel.canDelete().not());
        addButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.statusProperty().addListener((obs, old, status) -> showStatus(status));
        showStatus(viewModel.statusProperty().get());

        profileList.setItems(viewModel.profiles());
        profileList.setCellFactory(list -> new ProfileCell());
        profileList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE && viewModel.canDelete().get()) {
                event.consume();
                viewModel.delete();
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (!syncingSelection && picked != null) {
                viewModel.selectedProperty().set(picked);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, profile) -> selectInList(profile));
        viewModel.activeProperty().addListener((obs, old, profile) -> profileList.refresh());
        selectInList(viewModel.selectedProperty().get());
    }

    @FXML
    private void add() {
        viewModel.newProfile();
        nameField.requestFocus();
    }

    @FXML
    private void delete() {
        viewModel.delete();
    }

    @FXML
    private void test() {
        viewModel.testConnection();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    private void bindButtons(DialogPane pane) {
        Node use = pane.lookupButton(USE);
        use.disableProperty().bind(viewModel.canUse().not());
        // The dialog must stay open while the profile is saved in the background.
        use.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.useSelected();
        });
        viewModel.closeRequestedProperty().addListener((obs, old, close) -> {
            if (close) {
                dialog.close();
            }
        });
    }

    private void validate(Control control, StringBinding error) {
        validation.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, error.get(), !error.get().isEmpty()));
        // The error can change without the field changing (another profile selected, sandbox shown).
        error.addListener((obs, old, now) -> validation.revalidate(control));
    }

    private void selectInList(ConnectionProfile profile) {
        syncingSelection = true;
        try {
            if (profile == null) {
                profileList.getSelectionModel().clearSelection();
            } else {
                profileList.getSelectionModel().select(profile);
            }
        } finally {
            syncingSelection = false;
        }
    }

    private void showKeychainState(boolean missing) {
        keychainLabel.getStyleClass().remove("warning");
        if (missing) {
            keychainLabel.getStyleClass().add("warning");
        }
        keychainLabel.setGraphic(icon(missing ? MaterialDesignA.ALERT_OUTLINE : MaterialDesignK.KEY_OUTLINE));
    }

    private void showStatus(Status status) {
        statusLabel.getStyleClass().removeAll("success", "warning", "error", "working");
        statusLabel.setText(status.message());
        switch (status.kind()) {
            case NONE -> statusIcon.setGraphic(null);
            case WORKING -> {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.setPrefSize(16, 16);
                statusIcon.setGraphic(spinner);
                statusLabel.getStyleClass().add("working");
            }
            case SUCCESS -> {
                statusIcon.setGraphic(icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE, "success"));
                statusLabel.getStyleClass().add("success");
            }
            case WARNING -> {
                statusIcon.setGraphic(icon(MaterialDesignA.ALERT_OUTLINE, "warning"));
                statusLabel.getStyleClass().add("warning");
            }
            case ERROR -> {
                statusIcon.setGraphic(icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE, "error"));
                statusLabel.getStyleClass().add("error");
            }
        }
    }

    private static FontIcon icon(Ikon ikon, String... styleClasses) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(16);
        icon.getStyleClass().add("status-icon");
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }

    /** Name on the first line, where it connects on the second, a check mark on the active one. */
    private final class ProfileCell extends ListCell<ConnectionProfile> {
        ProfileCell() {
            getStyleClass().add("profile-cell");
            // Size to the list, not the text, so long names end in "…" instead of a horizontal scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(profile.name());
            Label where = new Label(profile.sandbox() ? "Demo contacts on this computer"
                    : profile.whereLabel() + " · " + profile.accountSid());
            where.getStyleClass().add("profile-where");
            VBox text = new VBox(1, name, where);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(6, text);
            if (profile.id().equals(viewModel.activeProperty().get().id())) {
                FontIcon active = new FontIcon(MaterialDesignC.CHECK_CIRCLE);
                active.getStyleClass().add("active-mark");
                active.setIconSize(16);
                row.getChildren().add(active);
                name.setStyle("-fx-font-weight: bold");
            }
            setText(null);
            setGraphic(row);
        }
    }
}
