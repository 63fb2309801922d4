package org.dialbook.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The Exotel region an account lives in. It is fixed when the account is created, and calling the
 * wrong region's host fails authentication, so the UI helps the user pick it from the dashboard URL
 * they already know.
 */
public enum Region {
    SINGAPORE("Singapore", "api.exotel.com", "my.exotel.com"),
    MUMBAI("Mumbai", "api.in.exotel.com", "my.mum1.exotel.com");

    private final String displayName;
    private final String apiHost;
    private final String dashboardHost;

    Region(String displayName, String apiHost, String dashboardHost) {
        this.displayName = displayName;
        this.apiHost = apiHost;
        this.dashboardHost = dashboardHost;
    }

    public String displayName() {
        return displayName;
    }

    public String apiHost() {
        return apiHost;
    }

    public String dashboardHost() {
        return dashboardHost;
    }

    /** Parses {@code singapore}/{@code mumbai} (any case), as used by {@code EXOTEL_REGION}. */
    public static Optional<Region> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (Region region : values()) {
            if (region.name().equals(wanted)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /**
     * Picks the region from a pasted dashboard or API URL (or bare host), e.g.
     * {@code https://my.mum1.exotel.com/apisettings} gives {@link #MUMBAI}.
     */
    public static Optional<Region> fromUrl(String urlOrHost) {
        if (urlOrHost == null || urlOrHost.isBlank()) {
            return Optional.empty();
        }
        String text = urlOrHost.trim().toLowerCase(Locale.ROOT);
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            text = text.substring(scheme + 3);
        }
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            text = text.substring(at + 1);
        }
        int end = 0;
        while (end < text.length() && "/:?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String host = text.substring(0, end);
        for (Region region : values()) {
            if (host.equals(region.apiHost) || host.equals(region.dashboardHost)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
