import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * A reference point for packaging/startup-bench.sh, beside the bare window: a plain JavaFX table
 * of 12 text columns and 20 rows (Dialbook's first page, without the app), the size of Dialbook's
 * window. Shows what a table's first layout costs on the machine, apart from anything the app does.
 * Prints the same line as {@code Dialbook --smoke} once the rows are laid out, then exits.
 */
public final class HelloTable extends Application {
    private static final int COLUMNS = 12;
    private static final int ROWS = 20;

    public static void main(String[] args) {
        Application.launch(HelloTable.class, args);
    }

    @Override
    public void start(Stage stage) {
        TableView<String[]> table = new TableView<>();
        for (int c = 0; c < COLUMNS; c++) {
            int column = c;
            TableColumn<String[], String> header = new TableColumn<>("Column " + (c + 1));
            header.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()[column]));
            table.getColumns().add(header);
        }
        ObservableList<String[]> rows = FXCollections.observableArrayList();
        for (int r = 0; r < ROWS; r++) {
            String[] row = new String[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                row[c] = "+91 98450 " + (10000 + r * COLUMNS + c);
            }
            rows.add(row);
        }
        table.setItems(rows);
        Scene scene = new Scene(table, 1300, 740);
        Runnable[] probe = new Runnable[1];
        probe[0] = () -> {
            scene.removePostLayoutPulseListener(probe[0]);
            long now = System.currentTimeMillis();
            System.out.println("SMOKE OK epoch-ms=" + now);
            Platform.runLater(Platform::exit);
        };
        stage.setScene(scene);
        stage.setTitle("Hello table");
        stage.setOnShown(event -> scene.addPostLayoutPulseListener(probe[0]));
        stage.show();
    }
}
