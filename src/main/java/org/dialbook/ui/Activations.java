package org.dialbook.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A second launch of Dialbook for the same data folder: instead of a second window, its arguments
 * arrive here and the running window comes to the front.
 */
@FunctionalInterface
public interface Activations {

    /** {@code action} receives the files the later launch named (often none); called on a background thread. */
    void onActivate(Consumer<List<Path>> action);
}
