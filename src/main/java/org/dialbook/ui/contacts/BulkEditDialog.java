package org.dialbook.ui.contacts;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;

/** "Edit N contacts…": set or clear fields on every selected (or every matching) contact. */
public final class BulkEditDialog extends Dialog<ContactPatch> {
    private final BulkEditViewModel viewModel;

    public BulkEditDialog(int count, boolean allMatching, String defaultCountry) {
        this.viewModel = new BulkEditViewModel(count);
        String noun = count == 1 ? "1 contact" : count + " contacts";
        setTitle("Edit " + noun);
        setHeaderText("Edit " + noun + (allMatching ? " — every contact matching the search and filter" : ""));
        setResizable(true);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(BulkEditDialog.class.getResource("contacts.css").toExternalForm());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(), grow);
        ValidationSupport validation = new ValidationSupport();
        int row = 0;
        for (ContactField field : BulkEditViewModel.FIELDS) {
            String label = BulkEditViewModel.label(field);
            Label name = new Label(Character.toUpperCase(label.charAt(0)) + label.substring(1));
            ComboBox<BulkEditViewModel.Mode> mode = new ComboBox<>();
            mode.getItems().setAll(BulkEditViewModel.Mode.values());
            mode.setId(field.wireName() + "-mode");
            mode.valueProperty().bindBidirectional(viewModel.modeProperty(field));
            name.setLabelFor(mode);
            TextField value = new TextField();
            value.setId(field.wireName() + "-value");
            value.setPromptText(field == ContactField.CUSTOM_FIELD ? "{\"campaign\": \"diwali\"}" : "new " + label);
            value.textProperty().bindBidirectional(viewModel.valueProperty(field));
            value.disableProperty().bind(viewModel.modeProperty(field).isEqualTo(BulkEditViewModel.Mode.CLEAR));
            validation.registerValidator(value, false, (javafx.scene.control.Control control, String text) -> {
                boolean bad = viewModel.modeProperty(field).get() == BulkEditViewModel.Mode.SET
                        && viewModel.problemProperty().get().contains(label);
                return ValidationResult.fromErrorIf(control, viewModel.problemProperty().get(), bad);
            });
            viewModel.problemProperty().addListener((obs, old, now) -> validation.revalidate(value));
            grid.addRow(row++, name, mode, value);
        }
        Label problem = new Label();
        problem.getStyleClass().add("form-problems");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        Label hint = new Label("Fields left on \"Keep as is\" are not touched. Changes are sent in batches; "
                + "contacts that fail stay selected, with the reason in the status column.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox content = new VBox(12, grid, problem, hint);
        content.setPadding(new Insets(14, 18, 4, 18));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.textProperty().bind(Bindings.createStringBinding(() -> "Apply to " + noun));
        ok.disableProperty().bind(viewModel.validProperty().not());
        setResultConverter(button -> button == ButtonType.OK ? viewModel.result() : null);
    }

    BulkEditViewModel viewModel() {
        return viewModel;
    }
}
