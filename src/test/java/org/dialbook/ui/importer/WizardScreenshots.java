package org.dialbook.ui.importer;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dialbook.api.ContactsClient;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingStore;
import org.dialbook.importer.Previewer;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.common.FxDialogService;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.WindowSizing;

/**
 * Walks the wizard over the sample file into an in-process sandbox and saves a PNG of every step
 * to assets/screenshots (not a test). Run under a display, e.g. {@code xvfb-run -a -s "-screen 0
 * 1280x800x24" mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.dialbook.ui.importer.WizardScreenshots"}.
 */
public final class WizardScreenshots {
    private WizardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("wizard-shots");
        // By hand: a screenshot main, not a JUnit test.
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
                ContactsClient client = ContactsClient.builder(sandbox.connectionSettings()).build()) {
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            FxTaskExecutor executor = new FxTaskExecutor();
            ImportWizardViewModel[] wizard = new ImportWizardViewModel[1];
            Stage[] stage = new Stage[1];
            onFx(() -> {
                Platform.setImplicitExit(false);
                javafx.application.Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                FxDialogService dialogs = new FxDialogService(() -> stage[0]);
                ImportJobViewModel job = new ImportJobViewModel(executor, dialogs, new Previewer(client),
                        new ImportRunner(client, work.resolve("imports")), () -> { });
                wizard[0] = new ImportWizardViewModel(executor, dialogs, new MappingStore(work.resolve("mappings")),
                        job, "IN");
                ImportWizardView view = new ImportWizardView(wizard[0]);
                stage[0] = new Stage();
                stage[0].setScene(new Scene(view.root(), 1000, 680));
                stage[0].setTitle("Import contacts");
                // Under a window manager the stage would otherwise be shrunk to 200x200 (see WindowSizing).
                WindowSizing.fit(stage[0], null, new WindowSizing.Size(1000, 700), new WindowSizing.Size(1000, 700));
                stage[0].show();
                wizard[0].openFile(Path.of("assets/samples/contacts-sample.csv"));
            });
            ImportWizardViewModel vm = wizard[0];
            waitFor(() -> vm.inspectionProperty().get() != null);
            shoot(stage[0], out.resolve("import-1-file.png"));
            onFx(vm::next);
            shoot(stage[0], out.resolve("import-2-columns.png"));
            onFx(vm::next);
            waitFor(() -> vm.job().previewProperty().get() != null && !vm.job().checkingProperty().get());
            shoot(stage[0], out.resolve("import-3-check.png"));
            onFx(() -> {
                vm.next();
                vm.tagProperty().set("diwali-2026");
            });
            onFx(() -> vm.batchSizeProperty().set(4));
            shoot(stage[0], out.resolve("import-4-options.png"));
            // Slow the sandbox down so the progress page can be seen.
            sandbox.faults().latency(java.time.Duration.ofMillis(400));
            onFx(vm::next);
            waitFor(() -> vm.job().progressProperty().get() > 0.3);
            shoot(stage[0], out.resolve("import-5-progress.png"));
            sandbox.faults().latency(java.time.Duration.ZERO);
            waitFor(() -> vm.stepProperty().get() == ImportWizardViewModel.Step.RESULT
                    && !vm.job().notCreated().rows().isEmpty());
            shoot(stage[0], out.resolve("import-6-result.png"));
            onFx(() -> stage[0].close());
            executor.shutdown();
        } finally {
            Platform.exit();
        }
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
            throw new IllegalStateException("the FX thread did not answer");
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out waiting for the wizard");
            }
            onFx(() -> { });
        }
    }

    private static void shoot(Stage stage, Path file) throws Exception {
        onFx(() -> { });
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
