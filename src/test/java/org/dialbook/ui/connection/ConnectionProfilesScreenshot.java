package org.dialbook.ui.connection;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.dialbook.api.Region;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.common.FxDialogService;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.WindowSizing;
import org.dialbook.ui.connection.ConnectionProfilesViewModel.StatusKind;

/**
 * Not a test: opens the profiles dialog on a real display (run under Xvfb), tests a connection to
 * a sandbox, and writes a PNG of the dialog to the path given, for assets/screenshots.
 */
public final class ConnectionProfilesScreenshot {
    private ConnectionProfilesScreenshot() {
    }

    private static void snapshot(ConnectionProfilesView view, Path out) {
        WritableImage image = view.dialog().getDialogPane().getScene().snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        try {
            ImageIO.write(buffered, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "credentials.png");
        // "test" (default): a successful connection test; "sandbox"; "invalid": a new profile being typed.
        String mode = args.length > 1 ? args[1] : "test";
        Path config = Files.createTempDirectory("dialbook-shot");
        CountDownLatch done = new CountDownLatch(1);
        // By hand: a screenshot main, not a JUnit test.
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory()
                .demoContacts(300).seed(11).build())) {
            ProfileService service = new ProfileService(new ProfileStore(config),
                    FallbackSecretStore.withSystemKeychain(), sandbox::connectionSettings);
            service.save(ConnectionProfile.create("Mumbai campaigns", Region.MUMBAI, "acmecorp1", "IN"),
                    new ApiCredentials("4f1c2a9e8b7d", "token-not-real-1"));
            ConnectionProfile local = new ConnectionProfile(ConnectionProfile.newId(), "Local test server", null,
                    sandbox.baseUrl().toString(), "sandbox", "IN", false);
            service.save(local, new ApiCredentials("sandbox-key", "sandbox-token"));
            Platform.startup(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                FxTaskExecutor executor = new FxTaskExecutor(2);
                ConnectionProfilesViewModel viewModel = new ConnectionProfilesViewModel(service,
                        new ConnectionTester(), executor, new FxDialogService(() -> null));
                ConnectionProfilesView view = new ConnectionProfilesView(viewModel);
                WindowSizing.fit(view.dialog(), null, new WindowSizing.Size(640, 520), new WindowSizing.Size(840, 680));
                view.dialog().show();
                if (mode.equals("wrong-token")) {
                    viewModel.selectedProperty().set(viewModel.profiles().get(2));
                    viewModel.form().apiTokenProperty().set("not-the-token");
                } else if (!mode.equals("test")) {
                    if (mode.equals("sandbox")) {
                        viewModel.selectedProperty().set(viewModel.profiles().get(0));
                    } else {
                        viewModel.newProfile();
                        viewModel.form().nameProperty().set("Mumbai campaigns");
                        viewModel.form().urlProperty().set("https://my.mum1.exotel.com/acme/apisettings");
                        viewModel.form().accountSidProperty().set("acme corp");
                        viewModel.form().countryProperty().set("IN");
                    }
                    Platform.runLater(() -> Platform.runLater(() -> {
                        snapshot(view, out);
                        executor.shutdown();
                        done.countDown();
                    }));
                    return;
                }
                if (mode.equals("test")) {
                    viewModel.selectedProperty().set(viewModel.profiles().get(2));
                }
                viewModel.statusProperty().addListener((obs, old, status) -> {
                    if (status.kind() == StatusKind.SUCCESS || status.kind() == StatusKind.ERROR) {
                        // Let layout settle for a pulse before the picture.
                        Platform.runLater(() -> {
                            snapshot(view, out);
                            executor.shutdown();
                            done.countDown();
                        });
                    }
                });
                // The token arrives from the keychain in the background; test once the form is complete.
                boolean[] tested = {false};
                Runnable testOnce = () -> {
                    if (!tested[0] && viewModel.canTest().get()) {
                        tested[0] = true;
                        viewModel.testConnection();
                    }
                };
                viewModel.canTest().addListener((obs, old, can) -> Platform.runLater(testOnce));
                Platform.runLater(testOnce);
            });
            if (!done.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("The connection test did not finish");
            }
        }
        Platform.exit();
        // The keychain's D-Bus connection keeps a non-daemon thread alive.
        System.exit(0);
    }
}
