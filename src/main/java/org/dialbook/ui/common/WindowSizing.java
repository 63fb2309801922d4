package org.dialbook.ui.common;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Sizes and places windows so that they look the same under a window manager as without one.
 *
 * <p>Under Openbox (and other X11 window managers) JavaFX 21.0.12's GTK glass maps a new window and
 * then takes the size the window manager reports right after mapping: 200×200, or the window's
 * minimum, so the main window opened at 718×395 and dialogs at 200×200 with no buttons. Without a
 * window manager the size asked for is kept, which is why headless runs never saw it. The cure is to
 * ask again once the window is on screen, and once more after the manager has settled.
 *
 * <p>JDK-8332222 (a maximized window leaves the maximized state when a modal dialog opens) is still
 * present in 21.0.12 under Openbox; {@link #keepMaximizedAcrossDialogs} works around it.
 */
public final class WindowSizing {
    /** Long enough for the window manager's answers to the map request to have arrived. */
    private static final List<Duration> SETTLE = List.of(Duration.millis(150), Duration.millis(450));

    private WindowSizing() {
    }

    /** A width and height in pixels, including the title bar and frame. */
    public record Size(double width, double height) {
    }

    /**
     * Owned by {@code owner}, resizable, at least {@code min}, opening at {@code preferred} (or, where
     * a preferred side is 0, at what the content asks for), centred on the owner and inside its screen.
     */
    public static void fit(Dialog<?> dialog, Window owner, Size min, Size preferred) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        Window window = dialog.getDialogPane().getScene().getWindow();
        if (window instanceof Stage stage) {
            fit(stage, owner, min, preferred);
        }
    }

    /** As {@link #fit(Dialog, Window, Size, Size)}, for a window of our own (the import wizard). */
    public static void fit(Stage stage, Window owner, Size min, Size preferred) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            // Set only now: a minimum set before mapping is what the window manager shrinks the window to.
            stage.setMinWidth(min.width());
            stage.setMinHeight(min.height());
            Rectangle2D target = placeOnOwner(stage, owner, min, preferred);
            settle(stage, () -> apply(stage, target));
        });
    }

    /**
     * The main window: restored to {@code saved} (clamped to the screen it was on, or the primary screen
     * when that screen is gone), or else {@code preferred} centred on the primary screen.
     */
    public static void restore(Stage stage, Rectangle2D saved, Size min, Size preferred) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        Rectangle2D wanted = saved != null ? saved : new Rectangle2D(
                primary.getMinX() + Math.max(0, (primary.getWidth() - preferred.width()) / 2),
                primary.getMinY() + Math.max(0, (primary.getHeight() - preferred.height()) / 2),
                preferred.width(), preferred.height());
        Rectangle2D target = clamp(wanted, min, screens, primary);
        apply(stage, target);
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            stage.setMinWidth(Math.min(min.width(), target.getWidth()));
            stage.setMinHeight(Math.min(min.height(), target.getHeight()));
            settle(stage, () -> {
                if (!stage.isMaximized()) {
                    apply(stage, target);
                }
            });
        });
    }

    /**
     * Fits {@code wanted} inside the screen that holds most of it (or {@code fallback} when none
     * does): never larger than that screen, never smaller than {@code min} where the screen allows,
     * and moved, not cut, when it hangs over an edge.
     */
    public static Rectangle2D clamp(Rectangle2D wanted, Size min, List<Rectangle2D> screens, Rectangle2D fallback) {
        Rectangle2D screen = fallback;
        double best = 0;
        for (Rectangle2D candidate : screens) {
            double overlap = overlap(candidate, wanted);
            if (overlap > best) {
                best = overlap;
                screen = candidate;
            }
        }
        double width = Math.min(screen.getWidth(), Math.max(min.width(), wanted.getWidth()));
        double height = Math.min(screen.getHeight(), Math.max(min.height(), wanted.getHeight()));
        double x = best > 0 ? wanted.getMinX() : screen.getMinX() + (screen.getWidth() - width) / 2;
        double y = best > 0 ? wanted.getMinY() : screen.getMinY() + (screen.getHeight() - height) / 2;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }

    /**
     * JDK-8332222: when a modal dialog opens over a maximized main window, the window leaves the
     * maximized state and shrinks to its last normal size. Asking to maximize again while the dialog
     * is up is ignored, so the window is stretched over the screen instead, and maximized again once
     * the dialog has closed.
     */
    public static void keepMaximizedAcrossDialogs(Stage main) {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window added : change.getAddedSubList()) {
                    if (added instanceof Stage child && child.getOwner() == main && main.isMaximized()) {
                        guardMaximized(main, child);
                    }
                }
            }
        });
    }

    private static void guardMaximized(Stage main, Stage child) {
        Rectangle2D screen = screenOf(main);
        PauseTransition check = new PauseTransition(Duration.millis(250));
        check.setOnFinished(event -> {
            if (child.isShowing() && (!main.isMaximized() || main.getWidth() < screen.getWidth() - 1)) {
                apply(main, screen);
                child.addEventHandler(WindowEvent.WINDOW_HIDDEN, hidden -> {
                    main.setMaximized(false);
                    main.setMaximized(true);
                });
            }
        });
        check.play();
    }

    private static Rectangle2D placeOnOwner(Stage stage, Window owner, Size min, Size preferred) {
        double decorationWidth = Math.max(0, stage.getWidth() - stage.getScene().getWidth());
        double decorationHeight = Math.max(0, stage.getHeight() - stage.getScene().getHeight());
        double contentWidth = stage.getScene().getRoot().prefWidth(-1) + decorationWidth;
        double width = preferred.width() > 0 ? preferred.width() : contentWidth;
        double height = preferred.height() > 0 ? preferred.height()
                : stage.getScene().getRoot().prefHeight(width - decorationWidth) + decorationHeight;
        width = Math.max(min.width(), width);
        height = Math.max(min.height(), height);
        Rectangle2D screen = owner != null ? screenOf(owner) : Screen.getPrimary().getVisualBounds();
        double x = owner != null ? owner.getX() + (owner.getWidth() - width) / 2 : screen.getMinX();
        double y = owner != null ? owner.getY() + (owner.getHeight() - height) / 3 : screen.getMinY();
        return clamp(new Rectangle2D(x, y, width, height), min, List.of(screen), screen);
    }

    private static Rectangle2D screenOf(Window window) {
        return Screen.getScreensForRectangle(window.getX(), window.getY(), Math.max(1, window.getWidth()),
                Math.max(1, window.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    }

    /** Now, on the next pulse, and after the window manager has had its say. */
    private static void settle(Stage stage, Runnable place) {
        place.run();
        Platform.runLater(place);
        for (Duration delay : SETTLE) {
            PauseTransition again = new PauseTransition(delay);
            again.setOnFinished(event -> {
                if (stage.isShowing()) {
                    place.run();
                }
            });
            again.play();
        }
    }

    private static void apply(Stage stage, Rectangle2D bounds) {
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double width = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double height = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return width > 0 && height > 0 ? width * height : 0;
    }
}
