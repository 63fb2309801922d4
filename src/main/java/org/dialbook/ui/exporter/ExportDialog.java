package org.dialbook.ui.exporter;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.WindowSizing;

/**
 * File → Export…: the View over {@link ExportViewModel}. Export keeps the dialog open and shows
 * progress; Cancel stops a running export (and closes the dialog otherwise); the dialog closes by
 * itself once the file is written.
 */
public final class ExportDialog extends Dialog<Void> {
    private static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    private final ExportViewModel viewModel;
    private final TextField fileField = new TextField();

    public ExportDialog(Window owner, ExportViewModel viewModel, Path folder) {
        this.viewModel = viewModel;
        WindowSizing.fit(this, owner, new WindowSizing.Size(480, 320), new WindowSizing.Size(600, 0));
        setTitle("Export contacts");
        setHeaderText("Export contacts to a CSV file");
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        getDialogPane().setContent(content(folder));
        getDialogPane().setPrefWidth(560);

        Button export = (Button) getDialogPane().lookupButton(EXPORT);
        export.disableProperty().bind(viewModel.canExportBinding().not());
        export.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.export();
        });
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.addEventFilter(ActionEvent.ACTION, event -> {
            if (viewModel.runningProperty().get()) {
                event.consume();
                viewModel.cancel();
            }
        });
        // Closing the window while it runs cancels too: no export goes on unseen.
        setOnCloseRequest(event -> viewModel.cancel());
        viewModel.finishedProperty().addListener((obs, was, done) -> {
            if (done) {
                close();
            }
        });
    }

    private Node content(Path folder) {
        ToggleGroup choices = new ToggleGroup();
        VBox options = new VBox(6);
        for (ExportViewModel.Choice choice : ExportViewModel.Choice.values()) {
            RadioButton option = new RadioButton(viewModel.describe(choice));
            option.setId("export-" + choice.name().toLowerCase(Locale.ROOT));
            option.setToggleGroup(choices);
            option.setUserData(choice);
            option.setDisable(!viewModel.available(choice));
            option.setSelected(viewModel.choiceProperty().get() == choice);
            options.getChildren().add(option);
        }
        choices.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.choiceProperty().set((ExportViewModel.Choice) now.getUserData());
            }
        });

        fileField.setId("export-file");
        fileField.setPromptText("Where to save the CSV file");
        fileField.textProperty().addListener((obs, old, text) -> viewModel.fileProperty().set(parse(text)));
        Path suggested = folder.resolve(ExportViewModel.suggestedFileName(LocalDate.now()));
        fileField.setText(suggested.toString());
        Button choose = new Button("Choose…");
        choose.setOnAction(event -> chooseFile(suggested));
        HBox.setHgrow(fileField, Priority.ALWAYS);
        HBox fileRow = new HBox(8, fileField, choose);

        CheckBox bom = new CheckBox("Add a byte order mark, so Excel reads accents and Indian scripts right");
        bom.selectedProperty().bindBidirectional(viewModel.byteOrderMarkProperty());
        CheckBox system = new CheckBox("Include the sid and date columns");
        system.selectedProperty().bindBidirectional(viewModel.systemColumnsProperty());

        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty());
        Label status = new Label();
        status.setId("export-status");
        status.setWrapText(true);
        // Room for the whole result line ("Exported 345 contacts to …"), which arrives after the layout.
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(viewModel.statusProperty());

        for (Node node : new Node[] {options, fileRow, bom, system}) {
            node.disableProperty().bind(viewModel.runningProperty());
        }
        Label note = new Label("Cells that a spreadsheet would run as a formula get a leading ' ; "
                + "Dialbook's import removes it again.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        VBox box = new VBox(12, options, new Label("File"), fileRow, bom, system, note, bar, status);
        box.setPadding(new Insets(8, 4, 4, 4));
        return box;
    }

    private void chooseFile(Path suggested) {
        Path current = viewModel.fileProperty().get();
        Path start = current != null ? current : suggested;
        viewModel.dialogs().chooseFileToSave("Export contacts", start.getFileName().toString(),
                new DialogService.FileType("CSV files", "*.csv")).ifPresent(chosen -> {
                    String name = chosen.getFileName().toString().toLowerCase(Locale.ROOT);
                    fileField.setText(name.endsWith(".csv") ? chosen.toString() : chosen + ".csv");
                });
    }

    private static Path parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            // Not a usable path yet (half-typed): Export stays disabled until it is one.
            return null;
        }
    }
}
