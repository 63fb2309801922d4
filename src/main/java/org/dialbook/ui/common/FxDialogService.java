package org.dialbook.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Real dialogs, owned by the main window so they stay on top of it and centred. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        show(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        show(Alert.AlertType.INFORMATION, title, message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType go = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(go, ButtonType.CANCEL);
        // The safe answer is the default, so a stray Enter never deletes anything.
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).getStyleClass().add("default-choice");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == go;
    }

    @Override
    public int choose(String title, String message, List<String> answers) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ButtonBar.ButtonData data = i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : i == answers.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(answers.get(i), data));
        }
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        alert.getButtonTypes().setAll(buttons);
        ButtonType safe = buttons.get(buttons.size() - 1);
        for (ButtonType button : buttons) {
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(button))
                    .setDefaultButton(button == safe);
        }
        alert.getDialogPane().lookupButton(safe).getStyleClass().add("default-choice");
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.map(buttons::indexOf).filter(index -> index >= 0).orElse(buttons.size() - 1);
    }

    private void show(Alert.AlertType type, String title, String message) {
        alert(type, title, message).showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type) {
        FileChooser chooser = chooser(title, List.of(type));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return remember(chooser(title, types).showOpenDialog(owner.get()));
    }

    private static FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(FileFolders.initial().toFile());
        types.forEach(type -> chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(type.description(), type.patterns())));
        return chooser;
    }

    private static Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        FileFolders.chosen(chosen.toPath());
        return Optional.of(chosen.toPath());
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        Window window = owner.get();
        WindowSizing.fit(alert, window, new WindowSizing.Size(400, 200), new WindowSizing.Size(520, 0));
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(460);
        alert.getDialogPane().setContent(text);
        return alert;
    }
}
