package org.dialbook.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionSecretStoreTest {

    @Test
    void putGetOverwriteDelete() {
        SessionSecretStore store = new SessionSecretStore();

        assertThat(store.get("p/api-token")).isEmpty();
        store.put("p/api-token", "one");
        assertThat(store.get("p/api-token")).contains("one");
        store.put("p/api-token", "two");
        assertThat(store.get("p/api-token")).contains("two");
        store.delete("p/api-token");
        store.delete("p/api-token");
        assertThat(store.get("p/api-token")).isEmpty();
    }

    @Test
    void saysItLastsOnlyThisSessionAndHidesSecrets() {
        SessionSecretStore store = new SessionSecretStore();
        store.put("p/api-token", "tok-SECRET");

        assertThat(store.status().unavailable()).isTrue();
        assertThat(store.toString()).doesNotContain("tok-SECRET");
    }
}
