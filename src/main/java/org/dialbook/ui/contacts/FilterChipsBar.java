package org.dialbook.ui.contacts;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.dialbook.mirror.Facet;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The row of filter chips under the search box: "Tag ▾" and "Company ▾" offer the mirror's most
 * common values with their counts; a picked value shows as a chip that its ✕ removes.
 */
final class FilterChipsBar {
    private final FilterChipsViewModel viewModel;
    private final HBox root = new HBox(6);
    private final Button tagChip = chip("tag-chip");
    private final Button companyChip = chip("company-chip");

    FilterChipsBar(FilterChipsViewModel viewModel) {
        this.viewModel = viewModel;
        MenuButton tags = picker("Tag", "filter-tag", viewModel.tags(), viewModel::pickTag);
        MenuButton companies = picker("Company", "filter-company", viewModel.companies(), viewModel::pickCompany);
        tagChip.setOnAction(event -> viewModel.clearTag());
        companyChip.setOnAction(event -> viewModel.clearCompany());
        Label filter = new Label("Filter:");
        root.getChildren().setAll(filter, tags, companies, tagChip, companyChip);
        root.setId("filter-chips");
        root.getStyleClass().add("filter-chips");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(0, 10, 6, 10));
        viewModel.refinementProperty().addListener((obs, old, now) -> showChips());
        showChips();
    }

    HBox root() {
        return root;
    }

    private void showChips() {
        show(tagChip, viewModel.tag() == null ? null : "Tag: " + viewModel.tag());
        show(companyChip, viewModel.company() == null ? null : "Company: " + viewModel.company());
    }

    private static void show(Button chip, String text) {
        chip.setText(text);
        chip.setVisible(text != null);
        chip.setManaged(text != null);
    }

    private static Button chip(String id) {
        Button chip = new Button();
        chip.setId(id);
        chip.getStyleClass().addAll("filter-chip", Styles.ROUNDED, Styles.SMALL);
        chip.setGraphic(new FontIcon("mdi2c-close"));
        chip.setContentDisplay(ContentDisplay.RIGHT);
        chip.setTooltip(new Tooltip("Remove this filter"));
        chip.setVisible(false);
        chip.setManaged(false);
        return chip;
    }

    /** A menu of the values on offer, rebuilt each time it opens so it shows the latest counts. */
    private static MenuButton picker(String title, String id, ObservableList<Facet.Value> values,
            Consumer<String> pick) {
        MenuButton button = new MenuButton(title);
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setTooltip(new Tooltip("Show only contacts with this " + title.toLowerCase(Locale.ROOT)
                + " (any case), combined with the search"));
        Runnable fill = () -> {
            button.getItems().clear();
            if (values.isEmpty()) {
                MenuItem none = new MenuItem("No " + title.toLowerCase(Locale.ROOT) + " in the mirror yet");
                none.setDisable(true);
                button.getItems().add(none);
            }
            for (Facet.Value value : values) {
                MenuItem item = new MenuItem(FilterChipsViewModel.label(value));
                // Underscores in a tag are text, not mnemonics.
                item.setMnemonicParsing(false);
                item.setOnAction(event -> pick.accept(value.value()));
                button.getItems().add(item);
            }
        };
        fill.run();
        values.addListener((ListChangeListener<Facet.Value>) change -> fill.run());
        return button;
    }
}
