import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up baseline for packaging/startup-bench.sh: a bare JavaFX window with one label, the
 * size of Dialbook's main window. Prints the same line as {@code Dialbook --smoke} once its first
 * frame is laid out, then exits. Compiled and run by the script only; not part of the app.
 */
public final class HelloFx extends Application {

    public static void main(String[] args) {
        Application.launch(HelloFx.class, args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello")), 1180, 720);
        Runnable[] probe = new Runnable[1];
        probe[0] = () -> {
            scene.removePostLayoutPulseListener(probe[0]);
            long now = System.currentTimeMillis();
            long jvmStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(now);
            System.out.println("SMOKE OK first-page-ms=" + (now - jvmStart) + " epoch-ms=" + now);
            Platform.runLater(Platform::exit);
        };
        stage.setScene(scene);
        stage.setTitle("Hello");
        stage.setOnShown(event -> scene.addPostLayoutPulseListener(probe[0]));
        stage.show();
    }
}
