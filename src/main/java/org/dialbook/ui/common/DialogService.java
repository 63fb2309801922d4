package org.dialbook.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How ViewModels talk to the user: errors, information and yes/no questions. The app shows real
 * dialogs; tests record the calls and script the answers.
 */
public interface DialogService {

    void showError(String title, String message);

    /** Shows what went wrong in words a user can act on (see {@link ErrorMessages}). */
    default void showError(String title, Throwable error) {
        showError(title, ErrorMessages.describe(error));
    }

    void showInfo(String title, String message);

    /**
     * Asks a question; true when the user chose {@code confirmLabel}.
     *
     * @param confirmLabel the text of the button that goes ahead, e.g. "Delete 3 contacts"
     */
    boolean confirm(String title, String message, String confirmLabel);

    /**
     * Asks a question with several answers and returns the index of the one chosen. The last answer
     * is the safe one: it is the default button, and closing the dialog picks it.
     */
    default int choose(String title, String message, List<String> answers) {
        return confirm(title, message, answers.get(0)) ? 0 : answers.size() - 1;
    }

    /** A kind of file for the file dialogs, e.g. {@code new FileType("CSV files", "*.csv")}. */
    record FileType(String description, String... patterns) {
    }

    /**
     * Asks where to save a file, starting in the folder used last (or Documents) with {@code suggestedName}.
     * Empty when the user cancels. Services that cannot show a file dialog answer empty.
     */
    default Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type) {
        return Optional.empty();
    }

    /** Asks for a file to open, starting in the folder used last (or Documents). Empty when cancelled. */
    default Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return Optional.empty();
    }
}
