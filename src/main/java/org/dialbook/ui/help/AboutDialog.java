package org.dialbook.ui.help;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.dialbook.ui.common.AppIcons;
import org.dialbook.ui.common.WindowSizing;

/**
 * Help → About: the version, what it runs on, and where Dialbook keeps its settings, data and
 * logs (selectable, with a button that opens each folder), which is what a bug report needs.
 */
public final class AboutDialog extends Dialog<Void> {

    /**
     * @param folders label to folder, in display order ("Settings", "Data", "Logs")
     * @param openFolder opens a folder in the file manager
     */
    public AboutDialog(Window owner, Map<String, Path> folders, Consumer<Path> openFolder) {
        WindowSizing.fit(this, owner, new WindowSizing.Size(520, 340), new WindowSizing.Size(680, 0));
        setTitle("About Dialbook");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);

        ImageView icon = new ImageView(AppIcons.all().get(AppIcons.all().size() - 2));
        icon.setFitWidth(64);
        icon.setFitHeight(64);
        Label name = new Label("Dialbook " + version());
        name.setId("about-version");
        name.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
        Label what = new Label("An address book for Exotel Campaign contacts. MIT License.");
        Label runtime = new Label("Java " + System.getProperty("java.runtime.version", "?") + " ("
                + System.getProperty("java.vendor", "?") + "), JavaFX " + System.getProperty("javafx.runtime.version", "?")
                + ", " + System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", ""));
        runtime.setWrapText(true);
        HBox header = new HBox(16, icon, new VBox(4, name, what, runtime));
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints path = new ColumnConstraints();
        path.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), path, new ColumnConstraints());
        int row = 0;
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            TextField field = new TextField(folder.getValue().toString());
            field.setEditable(false);
            field.setId("about-folder-" + folder.getKey().toLowerCase(Locale.ROOT));
            field.setPrefColumnCount(36);
            Button open = new Button("Open");
            open.setOnAction(event -> openFolder.accept(folder.getValue()));
            grid.addRow(row++, new Label(folder.getKey()), field, open);
        }
        VBox content = new VBox(18, header, grid);
        content.setPadding(new Insets(12, 8, 4, 8));
        getDialogPane().setContent(content);
    }

    /** The folders as the dialog lists them; data only when known. */
    public static Map<String, Path> folders(Path config, Path data, Path logs) {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put("Settings", config);
        if (data != null) {
            folders.put("Data", data);
        }
        folders.put("Logs", logs);
        return folders;
    }

    /** From the jar's manifest; "dev" when running from classes (mvn javafx:run). */
    static String version() {
        String version = AboutDialog.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
