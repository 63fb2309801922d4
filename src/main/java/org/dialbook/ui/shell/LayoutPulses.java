package org.dialbook.ui.shell;

import java.util.function.LongConsumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;

/**
 * One-shot actions on a scene's layout pulses: after the next one (the window's first frame, a page
 * just put in the table), or after the first in which the contacts table shows rows, which is when
 * the user first sees contacts, whether from the local mirror or the server.
 */
final class LayoutPulses {
    private LayoutPulses() {
    }

    /** Runs {@code action} once, on the FX thread, after the next layout pulse; asks for one. */
    static void afterNext(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        // A pulse is only scheduled when something changed.
        scene.getRoot().requestLayout();
    }

    /** Runs {@code action} once, on the FX thread, with the time (epoch ms) of the first pulse that lays out rows. */
    static void whenRowsLaidOut(Scene scene, LongConsumer action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (tableHasRows(scene)) {
                scene.removePostLayoutPulseListener(listener[0]);
                action.accept(System.currentTimeMillis());
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private static boolean tableHasRows(Scene scene) {
        Node table = scene.lookup(".contacts-table");
        return table instanceof TableView<?> view && view.isVisible() && !view.getItems().isEmpty();
    }
}
