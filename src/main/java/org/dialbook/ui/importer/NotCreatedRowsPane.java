package org.dialbook.ui.importer;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.dialbook.importer.ResultRows;
import org.dialbook.importer.RowOutcome;

/**
 * The result page's rows that were not created: a toggle per outcome, one page of rows in a table
 * whose columns share the window's width (a cut reason shows whole in its tooltip), and a pager.
 */
final class NotCreatedRowsPane extends VBox {

    NotCreatedRowsPane(NotCreatedRowsViewModel viewModel) {
        super(8);
        setId("not-created");
        Label title = new Label("Rows not created");
        title.getStyleClass().add("section");
        HBox toggles = new HBox(6);
        toggles.setAlignment(Pos.CENTER_LEFT);
        for (RowOutcome outcome : NotCreatedRowsViewModel.NOT_CREATED) {
            ToggleButton toggle = new ToggleButton();
            toggle.setId("show-" + outcome.label());
            toggle.textProperty().bind(Bindings.createStringBinding(
                    () -> name(outcome) + " (" + viewModel.countProperty(outcome).get() + ")",
                    viewModel.countProperty(outcome)));
            toggle.selectedProperty().bindBidirectional(viewModel.shownProperty(outcome));
            toggle.disableProperty().bind(viewModel.countProperty(outcome).isEqualTo(0));
            toggle.setMinWidth(Region.USE_PREF_SIZE);
            toggles.getChildren().add(toggle);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button previous = new Button("‹ Previous");
        previous.setId("rows-previous");
        previous.disableProperty().bind(viewModel.hasPreviousProperty().not());
        previous.setOnAction(event -> viewModel.previousPage());
        Button next = new Button("Next ›");
        next.setId("rows-next");
        next.disableProperty().bind(viewModel.hasNextProperty().not());
        next.setOnAction(event -> viewModel.nextPage());
        Label page = new Label();
        page.setId("rows-page");
        page.textProperty().bind(viewModel.pageTextProperty());
        page.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, title, toggles, spacer, previous, page, next);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<ResultRows.Row> table = new TableView<>(viewModel.rows());
        table.setId("not-created-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                TextColumns.column("Row", (ResultRows.Row row) -> Long.toString(row.row()), 60),
                TextColumns.column("Outcome", (ResultRows.Row row) -> name(row.outcome()), 90),
                TextColumns.column("Why", ResultRows.Row::detail, 470),
                TextColumns.column("Values", (ResultRows.Row row) -> String.join(" | ", row.values()), 220)));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.loadingProperty().get()) {
                return "Reading the rows…";
            }
            if (!viewModel.errorProperty().get().isEmpty()) {
                return viewModel.errorProperty().get();
            }
            boolean any = NotCreatedRowsViewModel.NOT_CREATED.stream()
                    .anyMatch(outcome -> viewModel.countProperty(outcome).get() > 0);
            return any ? "No rows match the buttons above" : "Every row was created or updated";
        }, viewModel.loadingProperty(), viewModel.errorProperty(), viewModel.totalProperty()));
        table.setPlaceholder(placeholder);
        table.setMinHeight(120);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    private static String name(RowOutcome outcome) {
        return switch (outcome) {
            case FAILED -> "Failed";
            case UNKNOWN -> "Unknown";
            case INVALID -> "Invalid";
            case SKIPPED -> "Skipped";
            case CREATED -> "Created";
            case UPDATED -> "Updated";
        };
    }
}
