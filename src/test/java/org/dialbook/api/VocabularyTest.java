package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonNull;
import org.dialbook.contact.ContactField;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void regionFromPastedDashboardUrl() {
        assertThat(Region.fromUrl("https://my.mum1.exotel.com/apisettings/site#api-credentials")).contains(Region.MUMBAI);
        assertThat(Region.fromUrl("my.exotel.com")).contains(Region.SINGAPORE);
        assertThat(Region.fromUrl("https://key:token@api.in.exotel.com/v2/accounts/x")).contains(Region.MUMBAI);
        assertThat(Region.fromUrl("https://example.com")).isEmpty();
    }

    @Test
    void plainHttpOnlyForLoopback() {
        assertThat(ConnectionSettings.forBaseUrl("http://127.0.0.1:8080/", "acc", "k", "t").contactsUrl())
                .isEqualTo("http://127.0.0.1:8080/v2/accounts/acc/contacts");
        assertThat(ConnectionSettings.forBaseUrl("http://[::1]:9000", "acc", "k", "t").host()).isEqualTo("[::1]");
        assertThatThrownBy(() -> ConnectionSettings.forBaseUrl("http://api.exotel.com", "acc", "k", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void secretsNeverShowInTextOrErrors() {
        ConnectionSettings settings = ConnectionSettings.forRegion(Region.SINGAPORE, "acc", "key-123", "tok-secret");

        assertThat(settings.toString()).doesNotContain("key-123").doesNotContain("tok-secret");
        assertThatThrownBy(() -> ConnectionSettings.forBaseUrl("https://key-123:tok-secret@api.exotel.com", "acc", "k", "t"))
                .hasMessageNotContaining("tok-secret")
                .hasMessageNotContaining("key-123");
    }

    @Test
    void listQueryChecksItsLimit() {
        assertThatThrownBy(() -> ListQuery.firstPage().withLimit(21)).hasMessageContaining("20");
        assertThat(ListQuery.firstPage().withName("  ").name()).isNull();
    }

    @Test
    void sortByParsesWireValues() {
        assertThat(SortBy.parse("name:desc")).isEqualTo(new SortBy(SortBy.Field.NAME, false));
        assertThat(SortBy.parse("date_created").wireValue()).isEqualTo("date_created:asc");
        assertThatThrownBy(() -> SortBy.parse("email:asc")).hasMessageContaining("email");
    }

    @Test
    void patchNullClearsAField() {
        ContactPatch patch = ContactPatch.empty().with(ContactField.TAG, (String) null).with(ContactField.FIRST_NAME, "Asha");

        assertThat(patch.changes().get(ContactField.TAG)).isEqualTo(JsonNull.INSTANCE);
        assertThat(patch.changes().get(ContactField.FIRST_NAME).getAsString()).isEqualTo("Asha");
    }
}
