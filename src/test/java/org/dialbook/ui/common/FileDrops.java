package org.dialbook.ui.common;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drops files from a "file manager" onto the main window, as the OS would hand them to JavaFX. */
public final class FileDrops {
    private FileDrops() {
    }

    /** Fires the drag-over and drop events a real drag of {@code file} produces; true when accepted. */
    public static boolean drop(FxRobot robot, Stage stage, Path file) {
        boolean[] accepted = new boolean[1];
        robot.interact(() -> {
            Node target = ((StackPane) ((BorderPane) stage.getScene().getRoot()).getCenter()).getChildren().get(0);
            Dragboard board = DragboardHelper.createDragboard(new FileClipboard(List.of(file.toFile())));
            DragboardHelper.setDataAccessRestriction(board, false);
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 100, 100, 100, 100, TransferMode.COPY,
                    null, null, null);
            Event.fireEvent(target, over);
            accepted[0] = over.isAccepted();
            Event.fireEvent(target, new DragEvent(DragEvent.DRAG_DROPPED, board, 100, 100, 100, 100,
                    TransferMode.COPY, null, null, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return accepted[0];
    }

    /** What the OS hands JavaFX when files are dragged in from a file manager: a copy of some files. */
    private static final class FileClipboard implements TKClipboard {
        private final List<java.io.File> files;

        FileClipboard(List<java.io.File> files) {
            this.files = files;
        }

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return DataFormat.FILES.equals(format) ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return DataFormat.FILES.equals(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
