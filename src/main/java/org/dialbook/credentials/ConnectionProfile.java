package org.dialbook.credentials;

import java.util.Objects;
import java.util.UUID;
import org.dialbook.api.Region;

/**
 * A named way to reach an Exotel account: where (a region, or a custom base URL for a proxy or the
 * sandbox), which account, and the country assumed for numbers typed without a +prefix. It never
 * holds the API key or token; those are in a {@link SecretStore} under {@link #apiKeyEntry()} and
 * {@link #apiTokenEntry()}.
 *
 * @param id stable identifier, used for the keychain entries; never shown to the user
 * @param region the Exotel region, or null when {@code customBaseUrl} is set or for the sandbox
 * @param customBaseUrl e.g. {@code https://proxy.example.com}, or null to use the region's host
 * @param defaultCountry ISO 3166 two-letter code, "IN" when not given
 * @param sandbox true only for the built-in profile that talks to the in-process sandbox
 * @param writesPerMinute the account's write budget, or null for the host's default (Exotel's 30)
 * @param readsPerMinute the account's read budget, or null for the host's default (Exotel's 300)
 */
public record ConnectionProfile(
        String id,
        String name,
        Region region,
        String customBaseUrl,
        String accountSid,
        String defaultCountry,
        boolean sandbox,
        Integer writesPerMinute,
        Integer readsPerMinute) {

    /** The id of the built-in sandbox profile; it is never stored. */
    public static final String SANDBOX_ID = "sandbox";

    /** @throws IllegalArgumentException naming the bad field */
    public ConnectionProfile {
        if (id == null || id.isBlank() || !id.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("A profile id must be letters, digits, '_' or '-'");
        }
        ProfileFields.checkName(name).ifPresent(ConnectionProfile::reject);
        name = name.strip();
        defaultCountry = ProfileFields.normaliseCountry(defaultCountry);
        ProfileFields.checkCountry(defaultCountry).ifPresent(ConnectionProfile::reject);
        customBaseUrl = customBaseUrl == null || customBaseUrl.isBlank() ? null : customBaseUrl.strip();
        if (sandbox) {
            if (!SANDBOX_ID.equals(id)) {
                throw new IllegalArgumentException("Only the built-in sandbox profile may be marked as sandbox");
            }
        } else {
            if (SANDBOX_ID.equals(id)) {
                throw new IllegalArgumentException("The id 'sandbox' is reserved for the built-in sandbox profile");
            }
            if (region == null && customBaseUrl == null) {
                throw new IllegalArgumentException("Choose a region (Singapore or Mumbai) or enter a base URL");
            }
            if (customBaseUrl != null) {
                ProfileFields.checkBaseUrl(customBaseUrl).ifPresent(ConnectionProfile::reject);
            }
            ProfileFields.checkAccountSid(accountSid).ifPresent(ConnectionProfile::reject);
            accountSid = accountSid.strip();
        }
        ProfileFields.checkBudget(writesPerMinute, "Writes a minute").ifPresent(ConnectionProfile::reject);
        ProfileFields.checkBudget(readsPerMinute, "Reads a minute").ifPresent(ConnectionProfile::reject);
    }

    /** A profile that paces to the host's default budgets. */
    public ConnectionProfile(String id, String name, Region region, String customBaseUrl, String accountSid,
            String defaultCountry, boolean sandbox) {
        this(id, name, region, customBaseUrl, accountSid, defaultCountry, sandbox, null, null);
    }

    /** The same profile with its own request budgets (null: the host's default). */
    public ConnectionProfile withBudgets(Integer writes, Integer reads) {
        return new ConnectionProfile(id, name, region, customBaseUrl, accountSid, defaultCountry, sandbox, writes, reads);
    }

    private static void reject(String message) {
        throw new IllegalArgumentException(message);
    }

    /** A new, not yet stored profile for a region, with a fresh id. */
    public static ConnectionProfile create(String name, Region region, String accountSid, String defaultCountry) {
        return new ConnectionProfile(newId(), name, Objects.requireNonNull(region, "region"), null, accountSid,
                defaultCountry, false);
    }

    /** The built-in profile for the in-process sandbox; the app supplies its connection settings. */
    public static ConnectionProfile builtInSandbox() {
        return new ConnectionProfile(SANDBOX_ID, "Sandbox", null, null, null, ProfileFields.DEFAULT_COUNTRY, true);
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** The base URL to call, or null for the sandbox (whose address is only known at run time). */
    public String baseUrl() {
        if (sandbox) {
            return null;
        }
        return customBaseUrl != null ? customBaseUrl : "https://" + region.apiHost();
    }

    /** "Mumbai", "Singapore", the custom host, or "Sandbox": for the status bar. */
    public String whereLabel() {
        if (sandbox) {
            return "Sandbox";
        }
        if (customBaseUrl != null) {
            return Region.fromUrl(customBaseUrl).map(Region::displayName).orElse(customBaseUrl);
        }
        return region.displayName();
    }

    public String apiKeyEntry() {
        return id + "/api-key";
    }

    public String apiTokenEntry() {
        return id + "/api-token";
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(id, newName, region, customBaseUrl, accountSid, defaultCountry, sandbox,
                writesPerMinute, readsPerMinute);
    }
}
