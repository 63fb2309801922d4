package org.dialbook.app;

import java.util.Map;
import java.util.Objects;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.Region;

/**
 * Connection settings from the environment: {@code EXOTEL_API_KEY}, {@code EXOTEL_API_TOKEN},
 * {@code EXOTEL_ACCOUNT_SID}, and either {@code EXOTEL_BASE_URL} or {@code EXOTEL_REGION}
 * ({@code singapore} or {@code mumbai}; Singapore, Exotel's default, when neither is set).
 */
public final class EnvConnection implements ConnectionResolver {
    public static final String API_KEY = "EXOTEL_API_KEY";
    public static final String API_TOKEN = "EXOTEL_API_TOKEN";
    public static final String ACCOUNT_SID = "EXOTEL_ACCOUNT_SID";
    public static final String REGION = "EXOTEL_REGION";
    public static final String BASE_URL = "EXOTEL_BASE_URL";

    private final Map<String, String> env;

    /** @param env the variables to read; tests pass a map, the CLI {@link System#getenv()} */
    public EnvConnection(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    public static EnvConnection fromSystem() {
        return new EnvConnection(System.getenv());
    }

    @Override
    public ConnectionSettings resolve() {
        String key = required(API_KEY);
        String token = required(API_TOKEN);
        String account = required(ACCOUNT_SID);
        String baseUrl = value(BASE_URL);
        String regionName = value(REGION);
        try {
            if (baseUrl != null) {
                if (regionName != null) {
                    throw new ConnectionSetupException("Set either " + BASE_URL + " or " + REGION + ", not both");
                }
                return ConnectionSettings.forBaseUrl(baseUrl, account, key, token);
            }
            Region region = regionName == null ? Region.SINGAPORE : Region.fromName(regionName).orElseThrow(
                    () -> new ConnectionSetupException(REGION + " must be singapore or mumbai, not '" + regionName + "'"));
            return ConnectionSettings.forRegion(region, account, key, token);
        } catch (IllegalArgumentException e) {
            // ConnectionSettings' messages name the field and never echo a secret.
            throw new ConnectionSetupException(e.getMessage());
        }
    }

    private String required(String name) {
        String value = value(name);
        if (value == null) {
            throw new ConnectionSetupException(name + " is not set; export it, e.g. export " + name + "=...");
        }
        return value;
    }

    private String value(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
