package org.dialbook.ui.connection;

import java.util.ArrayList;
import java.util.List;
import org.dialbook.ui.common.DialogService;

/** Records what the ViewModel told the user and answers confirmations as scripted. */
final class RecordingDialogs implements DialogService {
    final List<String> shown = new ArrayList<>();
    boolean answer = true;

    @Override
    public void showError(String title, String message) {
        shown.add("error: " + title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        shown.add("info: " + title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        shown.add("confirm: " + message + " [" + confirmLabel + "]");
        return answer;
    }
}
