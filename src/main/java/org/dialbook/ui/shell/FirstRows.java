package org.dialbook.ui.shell;

import java.util.function.LongConsumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;

/**
 * The first layout pulse in which the contacts table shows rows: when the user first sees contacts,
 * whether they came from the local mirror or the server. The smoke test reports it; the window tells
 * its connection source, which holds back work that would slow that page down.
 */
final class FirstRows {
    private FirstRows() {
    }

    /** Runs {@code action} once, on the FX thread, with the time (epoch ms) of that pulse. */
    static void whenLaidOut(Scene scene, LongConsumer action) {
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
