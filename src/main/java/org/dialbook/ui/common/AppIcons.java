package org.dialbook.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;

/**
 * The app icon (assets/icons, rendered from dialbook.svg) for windows and dialogs. The window
 * manager picks the size it needs (16 for title bars, 32-48 for task switchers, up to 256).
 */
public final class AppIcons {

    /** Where the PNGs live on the class path, as {@code dialbook-<size>.png}. */
    public static final String RESOURCE_FOLDER = "/org/dialbook/ui/icons/";
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    /** Volatile: {@link #loaded()} asks without the lock that {@link #all()} holds while decoding. */
    private static volatile List<Image> icons;

    private AppIcons() {
    }

    /** Every size, loaded once. */
    public static synchronized List<Image> all() {
        if (icons == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcons.class.getResourceAsStream(RESOURCE_FOLDER + "dialbook-" + size + ".png")) {
                    if (in == null) {
                        throw new IllegalStateException("Missing icon resource dialbook-" + size + ".png");
                    }
                    loaded.add(new Image(in));
                } catch (IOException e) {
                    throw new IllegalStateException("Unreadable icon resource dialbook-" + size + ".png", e);
                }
            }
            icons = List.copyOf(loaded);
        }
        return icons;
    }

    private static boolean loaded() {
        return icons != null;
    }

    /** Gives the icon to {@code stage}, unless it has its own. */
    public static void apply(Stage stage) {
        if (stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(all());
        }
    }

    /**
     * Gives the icon to every stage the app opens from now on (the main window, dialogs, alerts),
     * so no dialog has to remember it. Call once on the FX thread.
     */
    public static void applyToAllWindows() {
        // Decoding seven PNGs takes about 80 ms: off the FX thread, while the window is built. The
        // windows open by then get the icon when it is ready; later ones at once.
        CompletableFuture.runAsync(AppIcons::all).whenComplete((done, failure) -> {
            if (failure != null) {
                LoggerFactory.getLogger(AppIcons.class).warn("The app icon could not be loaded", failure);
                return;
            }
            Platform.runLater(() -> Window.getWindows().forEach(AppIcons::applyIfStage));
        });
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(AppIcons::applyIfStage);
            }
        });
    }

    private static void applyIfStage(Window window) {
        if (window instanceof Stage stage && loaded()) {
            apply(stage);
        }
    }
}
