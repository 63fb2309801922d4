package org.dialbook.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Window;

/**
 * The hook the import wizard plugs into: File → Import… and files dropped on the main window both
 * end here. The shell only reads the dragboard; deciding what can be imported is the handler's job.
 */
public interface ImportHandler {

    /** Whether a dragged file should light up the drop zone. */
    boolean accepts(Path file);

    /**
     * Opens the import for these files (empty from File → Import…, when the wizard asks for one).
     *
     * @param afterImport told on the FX thread when the import changed contacts, so the table refreshes, and
     *     handed each finished import's undo for the window's Edit → Undo
     */
    void openImport(Window owner, List<Path> files, ActiveConnection connection, AfterImport afterImport);

    /**
     * Called once, when the window first has a connection: offers to resume imports that a kill or
     * crash interrupted. Handlers without a journal have nothing to offer.
     */
    default void offerInterruptedImports(Window owner, ActiveConnection connection, AfterImport afterImport) {
        // Nothing was ever journalled, so nothing can have been interrupted.
    }
}
