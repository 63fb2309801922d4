package org.dialbook.ui.contacts;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.NewContact;
import org.dialbook.contact.ContactRules;
import org.dialbook.contact.PhoneResult;
import org.dialbook.contact.PhoneRule;

/**
 * The add/edit contact form. Each field has a problem binding (empty when fine) for the
 * decorations; {@link #validProperty()} drives the OK button; {@link #result()} is the patch: every
 * filled field for a new contact, only the changed ones for an existing contact.
 */
public final class ContactDialogViewModel {

    private final Contact original;
    private final String defaultCountry;
    private final StringProperty number = new SimpleStringProperty(this, "number", "");
    private final StringProperty firstName = new SimpleStringProperty(this, "firstName", "");
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName", "");
    private final StringProperty company = new SimpleStringProperty(this, "company", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty tag = new SimpleStringProperty(this, "tag", "");
    private final ObservableList<CustomFieldRow> customRows = FXCollections.observableArrayList(
            row -> new Observable[] {row.keyProperty(), row.valueProperty()});
    private final StringProperty rawJson = new SimpleStringProperty(this, "rawJson", "");
    private final BooleanProperty rawMode = new SimpleBooleanProperty(this, "rawMode", false);
    private final StringBinding numberProblem;
    private final StringBinding emailProblem;
    private final StringBinding customProblem;
    private final StringBinding textProblem;
    private final BooleanBinding valid;

    /** @param original the contact to edit, or null to add one */
    public ContactDialogViewModel(Contact original, String defaultCountry) {
        this.original = original;
        this.defaultCountry = defaultCountry;
        if (original != null) {
            number.set(ContactValues.text(original, ContactField.NUMBER));
            firstName.set(ContactValues.text(original, ContactField.FIRST_NAME));
            lastName.set(ContactValues.text(original, ContactField.LAST_NAME));
            company.set(ContactValues.text(original, ContactField.COMPANY_NAME));
            email.set(ContactValues.text(original, ContactField.EMAIL));
            tag.set(ContactValues.text(original, ContactField.TAG));
            loadCustom(original.customField());
        }
        numberProblem = Bindings.createStringBinding(() -> {
            if (number.get() == null || number.get().isBlank()) {
                return "The number is required";
            }
            PhoneResult result = PhoneRule.forCountryOrIndia(defaultCountry).normalise(number.get());
            return result.isValid() ? "" : capitalise(result.note());
        }, number);
        emailProblem = Bindings.createStringBinding(() -> {
            String text = email.get() == null ? "" : email.get().trim();
            String problem = ContactRules.textProblem(ContactField.EMAIL, text);
            return problem == null ? "" : capitalise(problem);
        }, email);
        customProblem = Bindings.createStringBinding(this::checkCustom, customRows, rawJson, rawMode);
        // Names, company and tag: the contact package's rule (control characters, length), first problem only.
        textProblem = Bindings.createStringBinding(() -> Objects.requireNonNullElse(ContactRules.firstProblem(Map.of(
                ContactField.FIRST_NAME, Objects.toString(firstName.get(), ""),
                ContactField.LAST_NAME, Objects.toString(lastName.get(), ""),
                ContactField.COMPANY_NAME, Objects.toString(company.get(), ""),
                ContactField.TAG, Objects.toString(tag.get(), ""))), ""), firstName, lastName, company, tag);
        valid = Bindings.createBooleanBinding(() -> numberProblem.get().isEmpty() && emailProblem.get().isEmpty()
                && customProblem.get().isEmpty() && textProblem.get().isEmpty(),
                numberProblem, emailProblem, customProblem, textProblem);
    }

    private void loadCustom(JsonElement custom) {
        customRows.clear();
        if (custom != null && custom.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : custom.getAsJsonObject().entrySet()) {
                customRows.add(new CustomFieldRow(entry.getKey(), entry.getValue()));
            }
        }
        rawJson.set(ContactValues.prettyJson(custom));
        // A custom field that is not an object (a list, a bare value) can only be edited as JSON.
        rawMode.set(custom != null && !custom.isJsonNull() && !custom.isJsonObject());
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String checkCustom() {
        if (rawMode.get()) {
            String text = rawJson.get() == null ? "" : rawJson.get().trim();
            if (text.isEmpty()) {
                return "";
            }
            try {
                JsonParser.parseString(text);
                return "";
            } catch (JsonParseException e) {
                return "The custom fields are not valid JSON: " + e.getMessage();
            }
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < customRows.size(); i++) {
            CustomFieldRow row = customRows.get(i);
            String key = row.keyProperty().get() == null ? "" : row.keyProperty().get().trim();
            String value = row.valueProperty().get() == null ? "" : row.valueProperty().get();
            if (key.isEmpty() && value.isEmpty()) {
                continue;
            }
            if (key.isEmpty()) {
                return "Custom field row " + (i + 1) + " has a value but no name";
            }
            if (!keys.add(key)) {
                return "The custom field '" + key + "' appears twice";
            }
            try {
                row.toJson();
            } catch (JsonParseException e) {
                return "The value of custom field '" + key + "' starts like JSON but is not valid JSON";
            }
        }
        return "";
    }

    /** Switches the custom-field editor, carrying the current content across. */
    public void setRawMode(boolean raw) {
        if (raw == rawMode.get()) {
            return;
        }
        if (raw) {
            rawJson.set(customProblem.get().isEmpty() ? ContactValues.prettyJson(customJson()) : rawJson.get());
            rawMode.set(true);
        } else if (customProblem.get().isEmpty()) {
            JsonElement parsed = customJson();
            if (parsed == null || parsed.isJsonObject()) {
                rawMode.set(false);
                JsonElement keep = parsed;
                customRows.clear();
                if (keep != null) {
                    keep.getAsJsonObject().entrySet()
                            .forEach(entry -> customRows.add(new CustomFieldRow(entry.getKey(), entry.getValue())));
                }
            }
        }
    }

    /** Whether the rows can show the current JSON (only a JSON object maps onto key/value rows). */
    public boolean rowsCanShowCustom() {
        JsonElement json = customProblem.get().isEmpty() ? customJson() : null;
        return json == null || json.isJsonObject();
    }

    /** The custom field as entered, or null when empty. */
    JsonElement customJson() {
        if (rawMode.get()) {
            String text = rawJson.get() == null ? "" : rawJson.get().trim();
            return text.isEmpty() ? null : JsonParser.parseString(text);
        }
        JsonObject object = new JsonObject();
        for (CustomFieldRow row : customRows) {
            String key = row.keyProperty().get() == null ? "" : row.keyProperty().get().trim();
            if (!key.isEmpty()) {
                object.add(key, row.toJson());
            }
        }
        return object.size() == 0 ? null : object;
    }

    public void addCustomRow() {
        customRows.add(CustomFieldRow.blank());
    }

    public void removeCustomRow(CustomFieldRow row) {
        customRows.remove(row);
    }

    /** The patch to send, or null when the form is invalid. */
    public ContactPatch result() {
        if (!valid.get()) {
            return null;
        }
        ContactPatch patch = ContactPatch.empty();
        String e164 = PhoneRule.forCountryOrIndia(defaultCountry).normalise(number.get()).e164();
        patch = changed(patch, ContactField.NUMBER, e164);
        patch = changed(patch, ContactField.FIRST_NAME, firstName.get());
        patch = changed(patch, ContactField.LAST_NAME, lastName.get());
        patch = changed(patch, ContactField.COMPANY_NAME, company.get());
        patch = changed(patch, ContactField.EMAIL, email.get());
        patch = changed(patch, ContactField.TAG, tag.get());
        JsonElement custom = customJson();
        JsonElement before = original == null ? null : original.customField();
        boolean customChanged = !Objects.equals(custom, before == null || before.isJsonNull() ? null : before);
        if (customChanged && (original != null || custom != null)) {
            patch = patch.with(ContactField.CUSTOM_FIELD, custom == null ? JsonNull.INSTANCE : custom);
        }
        return patch;
    }

    private ContactPatch changed(ContactPatch patch, ContactField field, String text) {
        String value = text == null || text.isBlank() ? null : text.trim();
        String before = original == null ? null : ContactValues.text(original, field);
        before = before == null || before.isEmpty() ? null : before;
        if (Objects.equals(value, before) || original == null && value == null) {
            return patch;
        }
        return patch.with(field, value);
    }

    /** A new contact from an add dialog's patch. */
    public static NewContact toNewContact(ContactPatch patch) {
        Map<ContactField, JsonElement> changes = patch.changes();
        NewContact.Builder builder = NewContact.builder(changes.get(ContactField.NUMBER).getAsString());
        if (changes.containsKey(ContactField.FIRST_NAME)) {
            builder.firstName(changes.get(ContactField.FIRST_NAME).getAsString());
        }
        if (changes.containsKey(ContactField.LAST_NAME)) {
            builder.lastName(changes.get(ContactField.LAST_NAME).getAsString());
        }
        if (changes.containsKey(ContactField.COMPANY_NAME)) {
            builder.companyName(changes.get(ContactField.COMPANY_NAME).getAsString());
        }
        if (changes.containsKey(ContactField.EMAIL)) {
            builder.email(changes.get(ContactField.EMAIL).getAsString());
        }
        if (changes.containsKey(ContactField.TAG)) {
            builder.tag(changes.get(ContactField.TAG).getAsString());
        }
        if (changes.containsKey(ContactField.CUSTOM_FIELD)) {
            builder.customField(changes.get(ContactField.CUSTOM_FIELD));
        }
        return builder.build();
    }

    public boolean isNew() {
        return original == null;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty companyProperty() {
        return company;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public ObservableList<CustomFieldRow> customRows() {
        return customRows;
    }

    public StringProperty rawJsonProperty() {
        return rawJson;
    }

    public BooleanProperty rawModeProperty() {
        return rawMode;
    }

    public StringBinding numberProblemProperty() {
        return numberProblem;
    }

    public StringBinding emailProblemProperty() {
        return emailProblem;
    }

    public StringBinding customProblemProperty() {
        return customProblem;
    }

    /** A problem in the names, company or tag (a control character, too long); empty when fine. */
    public StringBinding textProblemProperty() {
        return textProblem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
