package org.dialbook.ui;

/**
 * Opens the connection the window shows: the active profile when one is configured, or else the
 * built-in sandbox. Implemented by the composition root; called off the FX thread because starting
 * a sandbox or reading a keychain takes time.
 */
@FunctionalInterface
public interface ConnectionSource {

    /** Blocking; throws with a message fit for the user when nothing can be opened. */
    ActiveConnection open() throws Exception;
}
