package org.dialbook.ui.shell;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.TaskExecutor;

/**
 * For {@code dialbook --smoke} (CI's launch of the packaged app, and the start-up benchmark):
 * reports once the first page of contacts has arrived and been laid out in the window, or why it
 * did not: the connection failed, or the time ran out. The first page counts whether it came from
 * the local mirror (painted while the server is still asked) or from the server: either way it is
 * what the user sees.
 */
public final class SmokeProbe {

    /**
     * @param ok true when the first page was on screen
     * @param detail what happened, for the console
     * @param epochMillis when it was reported (the first page's layout pulse when ok)
     */
    public record Outcome(boolean ok, String detail, long epochMillis) {
    }

    private final Scene scene;
    private final ShellViewModel shell;
    private final Consumer<Outcome> report;
    private Cancellable timer;
    private boolean reported;

    private SmokeProbe(Scene scene, ShellViewModel shell, Consumer<Outcome> report) {
        this.scene = scene;
        this.shell = shell;
        this.report = report;
    }

    /** Starts watching a window that has just been shown; {@code report} runs once, on the FX thread. */
    public static void watch(Stage stage, ShellViewModel shell, TaskExecutor executor, Duration timeout,
            Consumer<Outcome> report) {
        SmokeProbe probe = new SmokeProbe(Objects.requireNonNull(stage.getScene(), "the window has no scene yet"),
                shell, report);
        probe.timer = executor.schedule(timeout, () -> probe.finish(false,
                "no page of contacts after " + timeout.toSeconds() + " s (state: " + shell.stateProperty().get() + ")"));
        shell.stateProperty().addListener((obs, old, state) -> {
            if (state == ShellViewModel.State.FAILED) {
                probe.finish(false, "could not open the contacts: " + shell.failureProperty().get());
            }
        });
        // Rows from the mirror are laid out before the server answers; the pulse that lays them out is
        // when the user first sees contacts.
        LayoutPulses.whenRowsLaidOut(probe.scene, laidOut -> {
            if (!probe.reported) {
                // Reported after the pulse: closing the window from inside it crashed GTK's glass.
                Platform.runLater(() -> probe.finish(true, "first page of contacts on screen", laidOut));
            }
        });
        // markSynced() fills the status bar's "Synced" text when a page has arrived and is in the table.
        shell.lastSyncTextProperty().addListener((obs, old, text) -> {
            if (text != null && !text.isEmpty()) {
                probe.afterNextLayout();
            }
        });
    }

    private void afterNextLayout() {
        // The page may have landed in a pulse that has already happened: the next one is after it.
        LayoutPulses.afterNext(scene, () -> finish(true, "first page of contacts on screen"));
    }

    private void finish(boolean ok, String detail) {
        finish(ok, detail, System.currentTimeMillis());
    }

    private void finish(boolean ok, String detail, long epochMillis) {
        if (reported) {
            return;
        }
        reported = true;
        if (timer != null) {
            timer.cancel();
        }
        report.accept(new Outcome(ok, detail, epochMillis));
    }
}
