package org.dialbook.ui.contacts;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.ui.common.WindowSizing;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Add or edit every field of one contact. OK stays disabled while a field is invalid, and the
 * invalid fields carry ControlsFX decorations with the reason.
 */
public final class ContactDialog extends Dialog<ContactPatch> {
    /** Every field and the OK button stay visible at this size. */
    public static final WindowSizing.Size MIN_SIZE = new WindowSizing.Size(520, 520);
    public static final WindowSizing.Size PREFERRED_SIZE = new WindowSizing.Size(620, 0);

    private final ContactDialogViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    private ContactDialog(ContactDialogViewModel viewModel) {
        this.viewModel = viewModel;
        setTitle(viewModel.isNew() ? "New contact" : "Edit contact");
        setHeaderText(viewModel.isNew() ? "Add a contact" : "Edit " + viewModel.numberProperty().get());
        setResizable(true);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(ContactDialog.class.getResource("contacts.css").toExternalForm());
        getDialogPane().setContent(content());
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText(viewModel.isNew() ? "Add contact" : "Save");
        ok.disableProperty().bind(viewModel.validProperty().not());
        // ButtonType lives in javafx.scene, which the ViewModel must not see; OK asks it for the patch.
        setResultConverter(button -> button == ButtonType.OK ? viewModel.result() : null);
    }

    public static ContactDialog forNew(String defaultCountry) {
        return new ContactDialog(new ContactDialogViewModel(null, defaultCountry));
    }

    public static ContactDialog forEdit(Contact contact, String defaultCountry) {
        return new ContactDialog(new ContactDialogViewModel(contact, defaultCountry));
    }

    ContactDialogViewModel viewModel() {
        return viewModel;
    }

    /**
     * Shows, under the fields, that the typed number already belongs to a contact, with a link that
     * closes this dialog and opens that contact instead.
     */
    void warnAboutDuplicates(DuplicateNumberViewModel duplicates, java.util.function.Consumer<Contact> open) {
        Label warning = new Label();
        warning.setId("duplicate-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add("form-problems");
        warning.textProperty().bind(duplicates.warningProperty());
        javafx.scene.control.Hyperlink openIt = new javafx.scene.control.Hyperlink("Open it");
        openIt.setId("open-duplicate");
        openIt.setOnAction(event -> {
            Contact existing = duplicates.existingProperty().get();
            if (existing != null) {
                setResult(null);
                close();
                open.accept(existing);
            }
        });
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, warning, openIt);
        row.visibleProperty().bind(duplicates.warningProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        ((VBox) getDialogPane().getContent()).getChildren().add(1, row);
        viewModel.numberProperty().addListener((obs, old, now) -> duplicates.check(now));
        duplicates.check(viewModel.numberProperty().get());
    }

    private Node content() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        TextField number = field(grid, 0, "_Number", "number", viewModel.numberProperty(), "+919812345678");
        validate(number, viewModel.numberProblemProperty());
        field(grid, 1, "_First name", "firstName", viewModel.firstNameProperty(), "");
        field(grid, 2, "_Last name", "lastName", viewModel.lastNameProperty(), "");
        field(grid, 3, "_Company", "company", viewModel.companyProperty(), "");
        TextField email = field(grid, 4, "E_mail", "email", viewModel.emailProperty(), "name@example.com");
        validate(email, viewModel.emailProblemProperty());
        field(grid, 5, "_Tag", "tag", viewModel.tagProperty(), "");

        Label customLabel = new Label("Custom fields");
        customLabel.getStyleClass().add("section-title");
        TabPane editors = customEditors();
        Label problems = new Label();
        problems.setId("problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("form-problems");
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n",
                java.util.stream.Stream.of(viewModel.numberProblemProperty().get(), viewModel.emailProblemProperty().get(),
                        viewModel.customProblemProperty().get(), viewModel.textProblemProperty().get())
                        .filter(text -> !text.isEmpty()).toList()),
                viewModel.numberProblemProperty(), viewModel.emailProblemProperty(), viewModel.customProblemProperty(),
                viewModel.textProblemProperty()));
        VBox box = new VBox(10, grid, customLabel, editors, problems);
        box.setPadding(new Insets(14, 18, 4, 18));
        box.setPrefWidth(560);
        Platform.runLater(number::requestFocus);
        return box;
    }

    private TextField field(GridPane grid, int row, String label, String id,
            javafx.beans.property.StringProperty property, String prompt) {
        Label text = new Label(label);
        text.setMnemonicParsing(true);
        TextField field = new TextField();
        field.setId("contact-" + id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        text.setLabelFor(field);
        grid.addRow(row, text, field);
        return field;
    }

    private void validate(TextField field, StringBinding problem) {
        validation.setValidationDecorator(new GraphicValidationDecoration());
        validation.registerValidator(field, false, (javafx.scene.control.Control control, String value) ->
                ValidationResult.fromErrorIf(control, problem.get(), !problem.get().isEmpty()));
        // The validator reads the ViewModel's binding, which may update after the text: revalidate then.
        problem.addListener((obs, old, now) -> validation.revalidate(field));
    }

    private TabPane customEditors() {
        TableView<CustomFieldRow> rows = new TableView<>(viewModel.customRows());
        rows.setId("customRows");
        rows.setEditable(true);
        rows.setPrefHeight(150);
        rows.setPlaceholder(new Label("No custom fields. Add one, or paste JSON in the JSON tab."));
        TableColumn<CustomFieldRow, String> key = new TableColumn<>("Name");
        key.setCellValueFactory(data -> data.getValue().keyProperty());
        key.setCellFactory(TextFieldTableCell.forTableColumn());
        key.setPrefWidth(170);
        TableColumn<CustomFieldRow, String> value = new TableColumn<>("Value (text, or JSON for nested values)");
        value.setCellValueFactory(data -> data.getValue().valueProperty());
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setPrefWidth(330);
        rows.getColumns().setAll(java.util.List.of(key, value));
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button add = new Button("Add field", new FontIcon(MaterialDesignP.PLUS));
        add.setOnAction(event -> {
            viewModel.addCustomRow();
            int last = viewModel.customRows().size() - 1;
            rows.getSelectionModel().select(last);
            Platform.runLater(() -> rows.edit(last, key));
        });
        Button remove = new Button("Remove", new FontIcon(MaterialDesignM.MINUS));
        remove.disableProperty().bind(rows.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> viewModel.removeCustomRow(rows.getSelectionModel().getSelectedItem()));
        VBox rowsBox = new VBox(6, rows, new HBox(6, add, remove));
        rowsBox.setPadding(new Insets(6, 0, 0, 0));

        TextArea raw = new TextArea();
        raw.setId("rawJson");
        raw.setPrefRowCount(7);
        raw.setStyle("-fx-font-family: monospace;");
        raw.setPromptText("{\"city\": \"Pune\", \"plan\": {\"name\": \"gold\", \"seats\": 3}}");
        raw.textProperty().bindBidirectional(viewModel.rawJsonProperty());
        validation.registerValidator(raw, false, (javafx.scene.control.Control control, String text) ->
                ValidationResult.fromErrorIf(control, viewModel.customProblemProperty().get(),
                        viewModel.rawModeProperty().get() && !viewModel.customProblemProperty().get().isEmpty()));
        viewModel.customProblemProperty().addListener((obs, old, now) -> validation.revalidate(raw));

        Tab rowsTab = new Tab("Fields", rowsBox);
        Tab rawTab = new Tab("JSON", raw);
        TabPane tabs = new TabPane(rowsTab, rawTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        if (viewModel.rawModeProperty().get()) {
            tabs.getSelectionModel().select(rawTab);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == rowsTab && !viewModel.rowsCanShowCustom()) {
                // Nested JSON that is not an object, or JSON with a mistake: stay where it can be fixed.
                Platform.runLater(() -> tabs.getSelectionModel().select(rawTab));
                return;
            }
            viewModel.setRawMode(now == rawTab);
        });
        return tabs;
    }
}
