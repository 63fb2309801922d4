package org.dialbook.ui.common;

import java.util.ArrayList;
import java.util.List;

/** Records what the app told the user and answers questions as the test says. */
public final class RecordingDialogService implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    private volatile boolean answer = true;

    public RecordingDialogService answering(boolean yes) {
        this.answer = yes;
        return this;
    }

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public synchronized void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public synchronized boolean confirm(String title, String message, String confirmLabel) {
        questions.add(title + ": " + message + " [" + confirmLabel + "]");
        return answer;
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<String> questions() {
        return List.copyOf(questions);
    }
}
