package org.dialbook.ui;

import java.util.Optional;

/**
 * Opens the connection the window shows: the active profile when one is configured, or else the
 * built-in sandbox. Implemented by the composition root; called off the FX thread because starting
 * a sandbox or reading a keychain takes time.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** Blocking; throws with a message fit for the user when nothing can be opened. */
    ActiveConnection open() throws Exception;

    /**
     * The window has its first page of contacts on screen: work that would compete with painting it,
     * such as the built-in sandbox loading its database, may start now. Called on the FX thread, at
     * most once per window; must not block.
     */
    default void firstPageShown() {
    }

    /**
     * The connection, when one was opened ahead (while JavaFX started) and is open already: the
     * window shows it at once instead of asking in the background, which costs it a "Connecting…"
     * frame before the contacts. Empty when none was opened ahead, it is still opening, or opening
     * failed ({@link #open()} then says why). Called on the FX thread; must not block. What it
     * returns, {@link #open()} does not return again.
     */
    default Optional<ActiveConnection> openedAlready() {
        return Optional.empty();
    }
}
