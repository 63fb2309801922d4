package org.dialbook.credentials;

/**
 * The API key and token of one profile. Held only as long as needed; {@link #toString()} never
 * shows them.
 */
public record ApiCredentials(String apiKey, String apiToken) {

    /** @throws IllegalArgumentException naming the missing part (never echoing the other) */
    public ApiCredentials {
        ProfileFields.checkSecret(apiKey, "API key").ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        ProfileFields.checkSecret(apiToken, "API token").ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        apiKey = apiKey.strip();
        apiToken = apiToken.strip();
    }

    @Override
    public String toString() {
        return "ApiCredentials[apiKey=***, apiToken=***]";
    }
}
