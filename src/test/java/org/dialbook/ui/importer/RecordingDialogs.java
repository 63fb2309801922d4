package org.dialbook.ui.importer;

import java.util.ArrayList;
import java.util.List;
import org.dialbook.ui.common.DialogService;

/** Records what the wizard told the user and answers questions as scripted. */
final class RecordingDialogs implements DialogService {
    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    final List<String> questions = new ArrayList<>();
    boolean answer = true;
    /** The answer to {@link #choose}, by index; null answers as {@link #confirm} would. */
    Integer choice;

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        questions.add(title + ": " + message);
        return answer;
    }

    @Override
    public int choose(String title, String message, List<String> answers) {
        if (choice == null) {
            return DialogService.super.choose(title, message, answers);
        }
        questions.add(title + ": " + message);
        return choice;
    }
}
