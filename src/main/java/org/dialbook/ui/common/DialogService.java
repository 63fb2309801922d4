package org.dialbook.ui.common;

import java.util.List;

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
}
