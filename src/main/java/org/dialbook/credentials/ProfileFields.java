package org.dialbook.credentials;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dialbook.api.ConnectionSettings;

/**
 * Checks for each profile field, returning a message for the user or empty when the value is fine.
 * Shared by {@link ConnectionProfile} (which refuses bad values) and the profiles dialog (which
 * decorates the field), so both say the same thing.
 */
public final class ProfileFields {

    /** The country assumed for phone numbers written without a +country prefix. */
    public static final String DEFAULT_COUNTRY = "IN";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private ProfileFields() {
    }

    public static Optional<String> checkName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Give the profile a name");
        }
        if (name.strip().length() > 60) {
            return Optional.of("Keep the profile name under 60 characters");
        }
        return Optional.empty();
    }

    public static Optional<String> checkAccountSid(String accountSid) {
        if (accountSid == null || accountSid.isBlank()) {
            return Optional.of("Enter the account SID (shown on the API settings page of the Exotel dashboard)");
        }
        if (!accountSid.strip().matches("[A-Za-z0-9_.\\-]+")) {
            return Optional.of("The account SID may contain only letters, digits, '.', '_' and '-'");
        }
        return Optional.empty();
    }

    public static Optional<String> checkCountry(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return Optional.of("Enter a two-letter country code such as IN");
        }
        if (!COUNTRIES.contains(isoCode.strip().toUpperCase(Locale.ROOT))) {
            return Optional.of("'" + isoCode.strip() + "' is not a two-letter ISO country code (for example IN, SG, US)");
        }
        return Optional.empty();
    }

    /** A custom base URL must be what {@link ConnectionSettings#forBaseUrl} accepts. */
    public static Optional<String> checkBaseUrl(String baseUrl) {
        try {
            ConnectionSettings.forBaseUrl(baseUrl, "check", "check", "check");
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A request budget is empty (the host's default), or 0 (no pacing) to {@link ConnectionSettings#MAX_BUDGET}. */
    public static Optional<String> checkBudget(Integer perMinute, String what) {
        if (perMinute != null && (perMinute < 0 || perMinute > ConnectionSettings.MAX_BUDGET)) {
            return Optional.of(what + " must be empty (Exotel's published limit), 0 (no pacing) or up to "
                    + ConnectionSettings.MAX_BUDGET + ", not " + perMinute);
        }
        return Optional.empty();
    }

    public static Optional<String> checkSecret(String value, String what) {
        if (value == null || value.isBlank()) {
            return Optional.of("Enter the " + what + " (from the API settings page of the Exotel dashboard)");
        }
        if (value.strip().chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("The " + what + " cannot contain spaces");
        }
        return Optional.empty();
    }

    static String normaliseCountry(String isoCode) {
        return isoCode == null || isoCode.isBlank() ? DEFAULT_COUNTRY : isoCode.strip().toUpperCase(Locale.ROOT);
    }
}
