package org.dialbook.ui;

import javafx.stage.Window;

/**
 * The hook the connection-profiles panel plugs into ("Connect Exotel account…", Ctrl+,).
 */
@FunctionalInterface
public interface ConnectionPanel {

    /**
     * Shows the panel; returns true when the active profile changed, so the window reconnects
     * through its {@link ConnectionSource}.
     */
    boolean show(Window owner);
}
