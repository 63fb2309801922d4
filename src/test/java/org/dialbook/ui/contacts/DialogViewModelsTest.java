package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import java.time.OffsetDateTime;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.NewContact;
import org.junit.jupiter.api.Test;

/** The add/edit and bulk forms, without the FX thread. */
class DialogViewModelsTest {
    private static final Contact ASHA = new Contact("a".repeat(32), "+919812345678", "Asha", "Rao", "Acme",
            "asha@example.com", "vip", JsonParser.parseString("{\"city\":\"Pune\",\"plan\":{\"seats\":3},\"n\":7}"),
            OffsetDateTime.parse("2026-01-02T03:04:05Z"), OffsetDateTime.parse("2026-01-02T03:04:05Z"), "sandbox",
            "/v2/accounts/sandbox/contacts/" + "a".repeat(32), null);

    @Test
    void newContactNeedsAValidNumberAndSendsItInE164() {
        ContactDialogViewModel form = new ContactDialogViewModel(null, "IN");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.numberProblemProperty().get()).contains("required");

        form.numberProperty().set("98123 45678");
        form.firstNameProperty().set("Ravi");
        form.emailProperty().set("not-an-email");
        assertThat(form.validProperty().get()).isFalse();
        form.emailProperty().set("ravi@example.com");
        form.addCustomRow();
        form.customRows().get(0).keyProperty().set("city");
        form.customRows().get(0).valueProperty().set("Delhi");

        assertThat(form.validProperty().get()).isTrue();
        NewContact created = ContactDialogViewModel.toNewContact(form.result());
        assertThat(created.number()).isEqualTo("+919812345678");
        assertThat(created.firstName()).isEqualTo("Ravi");
        assertThat(created.lastName()).isNull();
        assertThat(created.customField()).isEqualTo(JsonParser.parseString("{\"city\":\"Delhi\"}"));
    }

    @Test
    void editSendsOnlyWhatChangedAndKeepsUntouchedJsonTypes() {
        ContactDialogViewModel form = new ContactDialogViewModel(ASHA, "IN");
        assertThat(form.result().isEmpty()).isTrue();

        form.tagProperty().set("");
        form.customRows().stream().filter(row -> row.keyProperty().get().equals("city")).findFirst().orElseThrow()
                .valueProperty().set("Mumbai");
        ContactPatch patch = form.result();

        assertThat(patch.changes()).containsOnlyKeys(ContactField.TAG, ContactField.CUSTOM_FIELD);
        assertThat(patch.changes().get(ContactField.TAG)).isEqualTo(JsonNull.INSTANCE);
        assertThat(patch.changes().get(ContactField.CUSTOM_FIELD))
                .isEqualTo(JsonParser.parseString("{\"city\":\"Mumbai\",\"plan\":{\"seats\":3},\"n\":7}"));
    }

    @Test
    void rawJsonEditorRejectsBrokenJsonAndCarriesNestedValues() {
        ContactDialogViewModel form = new ContactDialogViewModel(ASHA, "IN");
        form.setRawMode(true);
        form.rawJsonProperty().set("{\"plan\": {\"seats\": 4");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.customProblemProperty().get()).contains("not valid JSON");

        form.rawJsonProperty().set("{\"plan\": {\"seats\": 4}}");
        form.setRawMode(false);
        assertThat(form.customRows()).hasSize(1);
        assertThat(form.result().changes().get(ContactField.CUSTOM_FIELD))
                .isEqualTo(JsonParser.parseString("{\"plan\":{\"seats\":4}}"));
    }

    @Test
    void duplicateCustomKeysAreRefused() {
        ContactDialogViewModel form = new ContactDialogViewModel(ASHA, "IN");
        form.addCustomRow();
        form.customRows().get(3).keyProperty().set("city");

        assertThat(form.customProblemProperty().get()).contains("'city' appears twice");
        assertThat(form.result()).isNull();
    }

    @Test
    void bulkFormSetsAndClearsOnlyTheChosenFields() {
        BulkEditViewModel form = new BulkEditViewModel(7);
        assertThat(form.validProperty().get()).as("nothing to do yet").isFalse();

        form.valueProperty(ContactField.TAG).set("wave2");
        assertThat(form.modeProperty(ContactField.TAG).get()).isEqualTo(BulkEditViewModel.Mode.SET);
        form.modeProperty(ContactField.COMPANY_NAME).set(BulkEditViewModel.Mode.CLEAR);
        form.valueProperty(ContactField.EMAIL).set("nope");
        assertThat(form.validProperty().get()).isFalse();
        form.valueProperty(ContactField.EMAIL).set("");

        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.result().changes()).containsOnlyKeys(ContactField.TAG, ContactField.COMPANY_NAME);
        assertThat(form.result().changes().get(ContactField.COMPANY_NAME)).isEqualTo(JsonNull.INSTANCE);
    }
}
