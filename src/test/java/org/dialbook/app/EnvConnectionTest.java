package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.dialbook.api.ConnectionSettings;
import org.junit.jupiter.api.Test;

class EnvConnectionTest {
    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("EXOTEL_API_KEY", "key");
        env.put("EXOTEL_API_TOKEN", "secret-token");
        env.put("EXOTEL_ACCOUNT_SID", "acct1");
        return env;
    }

    @Test
    void regionPicksTheHostAndSingaporeIsTheDefault() {
        Map<String, String> env = base();
        assertThat(new EnvConnection(env).resolve().baseUrl()).hasToString("https://api.exotel.com");
        env.put("EXOTEL_REGION", "Mumbai");
        ConnectionSettings settings = new EnvConnection(env).resolve();
        assertThat(settings.baseUrl()).hasToString("https://api.in.exotel.com");
        assertThat(settings.accountSid()).isEqualTo("acct1");
        assertThat(settings.apiToken()).isEqualTo("secret-token");
    }

    @Test
    void baseUrlIsUsedAsGiven() {
        Map<String, String> env = base();
        env.put("EXOTEL_BASE_URL", "http://127.0.0.1:8099/");
        assertThat(new EnvConnection(env).resolve().contactsUrl())
                .isEqualTo("http://127.0.0.1:8099/v2/accounts/acct1/contacts");
    }

    @Test
    void eachMissingVariableIsNamed() {
        for (String name : new String[] {"EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_ACCOUNT_SID"}) {
            Map<String, String> env = base();
            env.put(name, "  ");
            assertThatThrownBy(() -> new EnvConnection(env).resolve())
                    .isInstanceOf(ConnectionSetupException.class)
                    .hasMessageStartingWith(name + " is not set");
        }
    }

    @Test
    void badValuesAreExplained() {
        Map<String, String> env = base();
        env.put("EXOTEL_REGION", "tokyo");
        assertThatThrownBy(() -> new EnvConnection(env).resolve())
                .hasMessage("EXOTEL_REGION must be singapore or mumbai, not 'tokyo'");
        env.put("EXOTEL_BASE_URL", "https://api.exotel.com");
        assertThatThrownBy(() -> new EnvConnection(env).resolve())
                .hasMessage("Set either EXOTEL_BASE_URL or EXOTEL_REGION, not both");
        env.remove("EXOTEL_REGION");
        env.put("EXOTEL_BASE_URL", "http://api.exotel.com");
        assertThatThrownBy(() -> new EnvConnection(env).resolve())
                .isInstanceOf(ConnectionSetupException.class)
                .hasMessageContaining("Plain http is allowed only for this computer")
                .hasMessageNotContaining("secret-token");
    }
}
