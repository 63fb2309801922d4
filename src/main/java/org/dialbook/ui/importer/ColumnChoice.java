package org.dialbook.ui.importer;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dialbook.importer.ColumnTarget;
import org.dialbook.importer.MappingSuggester;

/** One CSV column in the mapping step: its name, a sample value, and where the user sends it. */
public final class ColumnChoice {
    private final int index;
    private final String header;
    private final String sample;
    private final ObjectProperty<ColumnTarget.Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty customKey = new SimpleStringProperty(this, "customKey", "");

    ColumnChoice(int index, String header, String sample, ColumnTarget suggested) {
        this.index = index;
        this.header = header;
        this.sample = sample;
        kind.set(suggested.kind());
        customKey.set(suggested.kind() == ColumnTarget.Kind.CUSTOM ? suggested.customKey()
                : MappingSuggester.customKey(header));
    }

    public int index() {
        return index;
    }

    public String header() {
        return header;
    }

    public String sample() {
        return sample;
    }

    public ObjectProperty<ColumnTarget.Kind> kindProperty() {
        return kind;
    }

    public StringProperty customKeyProperty() {
        return customKey;
    }

    /** The target, or null when a custom_field key is still empty. */
    public ColumnTarget target() {
        if (kind.get() == ColumnTarget.Kind.CUSTOM) {
            String key = customKey.get();
            return key == null || key.isBlank() ? null : ColumnTarget.custom(key);
        }
        return ColumnTarget.of(kind.get());
    }

    Observable[] observables() {
        return new Observable[] {kind, customKey};
    }
}
