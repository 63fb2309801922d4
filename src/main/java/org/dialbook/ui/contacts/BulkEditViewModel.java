package org.dialbook.ui.contacts;

import com.google.gson.JsonNull;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.contact.ContactRules;

/**
 * The bulk edit form: for each field, keep it, set it to one value, or clear it, on every target
 * contact. The number is left out on purpose: one number on many contacts is never meant.
 */
public final class BulkEditViewModel {
    static final List<ContactField> FIELDS = List.of(ContactField.TAG, ContactField.COMPANY_NAME,
            ContactField.FIRST_NAME, ContactField.LAST_NAME, ContactField.EMAIL, ContactField.CUSTOM_FIELD);

    /** What to do with one field. */
    public enum Mode {
        KEEP("Keep as is"),
        SET("Set to"),
        CLEAR("Clear");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final int count;
    private final Map<ContactField, ObjectProperty<Mode>> modes = new EnumMap<>(ContactField.class);
    private final Map<ContactField, StringProperty> values = new EnumMap<>(ContactField.class);
    private final StringBinding problem;
    private final BooleanBinding valid;

    public BulkEditViewModel(int count) {
        this.count = count;
        List<Observable> dependencies = new ArrayList<>();
        for (ContactField field : FIELDS) {
            modes.put(field, new SimpleObjectProperty<>(this, field.wireName() + "Mode", Mode.KEEP));
            values.put(field, new SimpleStringProperty(this, field.wireName(), ""));
            // Typing a value means "set it"; emptying it again means "keep".
            values.get(field).addListener((obs, old, now) -> {
                boolean hasText = now != null && !now.isBlank();
                if (hasText && modes.get(field).get() == Mode.KEEP) {
                    modes.get(field).set(Mode.SET);
                } else if (!hasText && modes.get(field).get() == Mode.SET) {
                    modes.get(field).set(Mode.KEEP);
                }
            });
            dependencies.add(modes.get(field));
            dependencies.add(values.get(field));
        }
        problem = Bindings.createStringBinding(this::check, dependencies.toArray(Observable[]::new));
        valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !result().isEmpty(), problem);
    }

    private String check() {
        for (ContactField field : FIELDS) {
            if (modes.get(field).get() != Mode.SET) {
                continue;
            }
            String text = values.get(field).get() == null ? "" : values.get(field).get().trim();
            if (text.isEmpty()) {
                return "Enter the new " + label(field) + ", or choose Clear to empty it";
            }
            String problem = field.isText() ? ContactRules.textProblem(field, text) : null;
            if (problem != null) {
                return "The new " + label(field) + ": " + problem;
            }
            if (field == ContactField.CUSTOM_FIELD) {
                try {
                    if (!JsonParser.parseString(text).isJsonObject()) {
                        return "Custom fields must be a JSON object, like {\"city\": \"Pune\"}";
                    }
                } catch (JsonParseException e) {
                    return "The custom fields are not valid JSON";
                }
            }
        }
        return "";
    }

    static String label(ContactField field) {
        return switch (field) {
            case NUMBER -> "number";
            case FIRST_NAME -> "first name";
            case LAST_NAME -> "last name";
            case COMPANY_NAME -> "company";
            case EMAIL -> "email";
            case TAG -> "tag";
            case CUSTOM_FIELD -> "custom fields (JSON)";
        };
    }

    /** The one patch applied to every target; empty while everything is "keep". */
    public ContactPatch result() {
        ContactPatch patch = ContactPatch.empty();
        for (ContactField field : FIELDS) {
            Mode mode = modes.get(field).get();
            if (mode == Mode.CLEAR) {
                patch = patch.with(field, JsonNull.INSTANCE);
            } else if (mode == Mode.SET) {
                String text = values.get(field).get() == null ? "" : values.get(field).get().trim();
                if (text.isEmpty()) {
                    continue;
                }
                patch = field == ContactField.CUSTOM_FIELD ? patch.with(field, parseOrNull(text)) : patch.with(field, text);
            }
        }
        return patch;
    }

    private static com.google.gson.JsonElement parseOrNull(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return JsonNull.INSTANCE;
        }
    }

    public int count() {
        return count;
    }

    public ObjectProperty<Mode> modeProperty(ContactField field) {
        return modes.get(field);
    }

    public StringProperty valueProperty(ContactField field) {
        return values.get(field);
    }

    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
