package org.dialbook.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.dialbook.api.ContactsClient;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.ui.connection.ConnectionProfilesView;
import org.dialbook.api.RetryPolicy;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.common.FxDialogService;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.contacts.ContactRow;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.shell.MainWindow;

/**
 * Not a test: a main that opens the real window on a demo sandbox, then the contact dialog and the
 * bulk dialog, and writes a PNG of each to assets/screenshots/. Run it under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp target/classes:target/test-classes:... org.dialbook.ui.ScreenshotTour}.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("dialbook-tour");
        // By hand: a screenshot main, not a JUnit test.
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().demoContacts(312)
                .seed(7).build())) {
            ConnectionSource source = () -> {
                ContactsClient client = ContactsClient.builder(sandbox.connectionSettings())
                        .retryPolicy(RetryPolicy.none()).build();
                return new ActiveConnection(client, "Sandbox", "Local sandbox " + sandbox.baseUrl().getAuthority(),
                        true, "IN", client::close);
            };
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            Stage[] stage = new Stage[1];
            FxTaskExecutor executor = new FxTaskExecutor();
            onFx(() -> {
                stage[0] = new Stage();
                FxDialogService dialogs = new FxDialogService(() -> stage[0]);
                ProfileService profiles = new ProfileService(new ProfileStore(home.resolve("config")),
                        new SessionSecretStore(), sandbox::connectionSettings);
                new MainWindow(stage[0], DesktopContext.of(source, home.resolve("config"), home.resolve("logs")),
                        executor, dialogs, DesktopLauncher::contactsPane,
                        ConnectionProfilesView.panel(profiles, new ConnectionTester(), executor, dialogs)).show();
                stage[0].setX(0);
                stage[0].setY(0);
            });
            waitFor(() -> table(stage[0]) != null && table(stage[0]).getItems().size() == 20);
            onFx(() -> table(stage[0]).getSelectionModel().selectRange(2, 6));
            settle();
            snapshot(stage[0].getScene(), out.resolve("main-window.png"));

            onFx(() -> table(stage[0]).getSelectionModel().clearAndSelect(firstWithCustomFields(stage[0])));
            onFx(() -> Platform.runLater(() -> press(stage[0], "Edit…")));
            waitFor(() -> otherWindow(stage[0]) != null);
            settle();
            snapshot(otherWindow(stage[0]).getScene(), out.resolve("contact-dialog.png"));
            onFx(() -> ((Stage) otherWindow(stage[0])).close());
            waitFor(() -> otherWindow(stage[0]) == null);

            onFx(() -> table(stage[0]).getSelectionModel().selectRange(2, 6));
            onFx(() -> Platform.runLater(() -> press(stage[0], "Edit selected…")));
            waitFor(() -> otherWindow(stage[0]) != null);
            onFx(() -> {
                Scene dialog = otherWindow(stage[0]).getScene();
                ((javafx.scene.control.TextField) dialog.lookup("#tag-value")).setText("Diwali-2026");
                ((javafx.scene.control.TextField) dialog.lookup("#company_name-value")).setText("");
            });
            settle();
            snapshot(otherWindow(stage[0]).getScene(), out.resolve("bulk-edit.png"));
            onFx(() -> ((Stage) otherWindow(stage[0])).close());
            executor.shutdown();
            Platform.exit();
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<ContactRow> table(Stage stage) {
        return stage.getScene() == null ? null : (TableView<ContactRow>) stage.getScene().lookup(".table-view");
    }

    private static int firstWithCustomFields(Stage stage) {
        var rows = table(stage).getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contact().customField() != null && rows.get(i).contact().email() != null) {
                return i;
            }
        }
        return 0;
    }

    private static void press(Stage stage, String text) {
        stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof javafx.scene.control.Button button && text.equals(button.getText().replace("_", "")))
                .findFirst().map(javafx.scene.control.Button.class::cast).orElseThrow().fire();
    }

    private static Window otherWindow(Stage main) {
        return Window.getWindows().stream().filter(window -> window != main && window.isShowing()
                && window.getScene() != null && window.getScene().lookup(".dialog-pane") != null).findFirst().orElse(null);
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The FX thread did not answer");
        }
    }

    /** Checks the condition on every FX pulse until it holds. */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        CountDownLatch met = new CountDownLatch(1);
        onFx(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (condition.getAsBoolean()) {
                    stop();
                    met.countDown();
                }
            }
        }.start());
        if (!met.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Timed out waiting for the window");
        }
    }

    /** Lets layout, CSS and tooltips settle: waits for a number of FX pulses. */
    private static void settle() throws InterruptedException {
        int[] pulses = {0};
        waitFor(() -> ++pulses[0] > 40);
    }

    private static void snapshot(Scene scene, Path file) throws InterruptedException, IOException {
        BufferedImage[] image = new BufferedImage[1];
        onFx(() -> image[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        ImageIO.write(image[0], "png", file.toFile());
    }
}
