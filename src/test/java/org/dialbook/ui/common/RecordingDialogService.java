package org.dialbook.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one fake {@link DialogService} for tests: records what the app told the user and answers
 * questions and file dialogs as the test says. Thread-safe, so a test can wait on it while the app
 * talks to it from a background task.
 *
 * <p>Errors and infos are recorded as {@code "title: message"}; questions as
 * {@code "title: message [confirmLabel]"} (for {@link #choose}, the answers joined by {@code " | "});
 * {@link #shown()} holds all of them in order, prefixed with {@code "error: "}, {@code "info: "} or
 * {@code "confirm: "}, and file dialogs as {@code "save: title"} / {@code "open: title"}.
 */
public final class RecordingDialogService implements DialogService {
    private final List<String> errors = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private final List<String> questions = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private boolean answer = true;
    private boolean questionsAllowed = true;
    private Integer choice;
    private Path fileToSave;
    private Path fileToOpen;

    /** The answer to every {@link #confirm} from now on (and to {@link #choose} without a scripted choice). */
    public synchronized RecordingDialogService answering(boolean yes) {
        this.answer = yes;
        return this;
    }

    /**
     * The index {@link #choose} answers from now on; null answers as {@link #confirm} would (the first
     * answer on yes, the last on no).
     */
    public synchronized RecordingDialogService choosing(Integer index) {
        this.choice = index;
        return this;
    }

    /** Any question fails the test at once, for code that must never ask one. */
    public synchronized RecordingDialogService askingNoQuestions() {
        this.questionsAllowed = false;
        return this;
    }

    /** The file a save dialog answers from now on; null cancels (the default). */
    public synchronized RecordingDialogService savingTo(Path file) {
        this.fileToSave = file;
        return this;
    }

    /** The file an open dialog answers from now on; null cancels (the default). */
    public synchronized RecordingDialogService opening(Path file) {
        this.fileToOpen = file;
        return this;
    }

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(title + ": " + message);
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public synchronized void showInfo(String title, String message) {
        infos.add(title + ": " + message);
        shown.add("info: " + title + ": " + message);
    }

    @Override
    public synchronized boolean confirm(String title, String message, String confirmLabel) {
        ask(title, message, confirmLabel);
        return answer;
    }

    @Override
    public synchronized int choose(String title, String message, List<String> answers) {
        ask(title, message, String.join(" | ", answers));
        if (choice != null) {
            return choice;
        }
        return answer ? 0 : answers.size() - 1;
    }

    private void ask(String title, String message, String answers) {
        if (!questionsAllowed) {
            throw new AssertionError("no question was expected, but the app asked: " + title + ": " + message);
        }
        questions.add(title + ": " + message + " [" + answers + "]");
        shown.add("confirm: " + title + ": " + message + " [" + answers + "]");
    }

    @Override
    public synchronized Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type) {
        shown.add("save: " + title);
        return Optional.ofNullable(fileToSave);
    }

    @Override
    public synchronized Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        shown.add("open: " + title);
        return Optional.ofNullable(fileToOpen);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<String> infos() {
        return List.copyOf(infos);
    }

    public synchronized List<String> questions() {
        return List.copyOf(questions);
    }

    /** Everything the user saw or was asked, in order, each prefixed with its kind. */
    public synchronized List<String> shown() {
        return List.copyOf(shown);
    }
}
