package org.dialbook.ui.common;

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
}
