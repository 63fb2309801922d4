package org.dialbook.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dialbook.api.Region;
import org.junit.jupiter.api.Test;

class ConnectionProfileTest {

    @Test
    void regionProfileCallsTheRegionsApiHost() {
        ConnectionProfile profile = ConnectionProfile.create("Campaigns", Region.MUMBAI, "acme1", null);

        assertThat(profile.baseUrl()).isEqualTo("https://api.in.exotel.com");
        assertThat(profile.defaultCountry()).isEqualTo("IN");
        assertThat(profile.apiTokenEntry()).isEqualTo(profile.id() + "/api-token");
        assertThat(profile.apiKeyEntry()).isEqualTo(profile.id() + "/api-key");
        assertThat(profile.whereLabel()).isEqualTo("Mumbai");
    }

    @Test
    void customBaseUrlWinsOverRegion() {
        ConnectionProfile profile = new ConnectionProfile("p1", "Proxy", null, "https://proxy.example.com/", "acme",
                "sg", false);

        assertThat(profile.baseUrl()).isEqualTo("https://proxy.example.com/");
        assertThat(profile.defaultCountry()).isEqualTo("SG");
        assertThat(profile.whereLabel()).isEqualTo("https://proxy.example.com/");
    }

    @Test
    void badFieldsAreNamed() {
        assertThatThrownBy(() -> ConnectionProfile.create(" ", Region.SINGAPORE, "acme", "IN"))
                .hasMessage("Give the profile a name");
        assertThatThrownBy(() -> ConnectionProfile.create("A", Region.SINGAPORE, "", "IN"))
                .hasMessageContaining("account SID");
        assertThatThrownBy(() -> ConnectionProfile.create("A", Region.SINGAPORE, "acme", "XX"))
                .hasMessageContaining("'XX' is not a two-letter ISO country code");
        assertThatThrownBy(() -> new ConnectionProfile("p", "A", null, null, "acme", "IN", false))
                .hasMessageContaining("Choose a region");
        assertThatThrownBy(() -> new ConnectionProfile("p", "A", null, "http://example.com", "acme", "IN", false))
                .hasMessageContaining("Plain http is allowed only");
        assertThatThrownBy(() -> new ConnectionProfile("sandbox", "A", Region.MUMBAI, null, "acme", "IN", false))
                .hasMessageContaining("reserved");
    }

    @Test
    void sandboxNeedsNoAccount() {
        ConnectionProfile sandbox = ConnectionProfile.builtInSandbox();

        assertThat(sandbox.sandbox()).isTrue();
        assertThat(sandbox.baseUrl()).isNull();
        assertThat(sandbox.whereLabel()).isEqualTo("Sandbox");
    }

    @Test
    void credentialsNeverShowInToString() {
        ApiCredentials credentials = new ApiCredentials(" key-123 ", "tok-SECRET-456");

        assertThat(credentials.apiKey()).isEqualTo("key-123");
        assertThat(credentials.toString()).doesNotContain("key-123").doesNotContain("tok-SECRET-456");
        assertThatThrownBy(() -> new ApiCredentials("key-123", " "))
                .hasMessageContaining("API token").hasMessageNotContaining("key-123");
    }
}
