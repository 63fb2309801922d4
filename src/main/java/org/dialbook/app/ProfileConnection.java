package org.dialbook.app;

import java.util.Objects;
import java.util.stream.Collectors;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.MissingCredentialsException;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;

/**
 * {@code --profile NAME}: a connection profile saved in the desktop app, its address and account
 * from the config folder and its key and token from the OS keychain.
 */
public final class ProfileConnection implements ConnectionResolver {
    private final ProfileService profiles;
    private final String name;

    public ProfileConnection(ProfileService profiles, String name) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The profiles the desktop app saved, with the system keychain. */
    public static ProfileConnection fromAppDirs(AppDirs dirs, String name) {
        ProfileService profiles = new ProfileService(new ProfileStore(dirs.config()),
                FallbackSecretStore.withSystemKeychain(), () -> {
                    throw new ConnectionSetupException(sandboxOnlyInTheApp());
                });
        return new ProfileConnection(profiles, name);
    }

    @Override
    public ConnectionSettings resolve() {
        ConnectionProfile profile = profiles.findByName(name).orElseThrow(() -> new ConnectionSetupException(
                "No connection profile is named '" + name.strip() + "'. " + savedNames()
                        + profiles.loadProblem().map(problem -> " " + problem).orElse("")));
        if (profile.sandbox()) {
            throw new ConnectionSetupException(sandboxOnlyInTheApp());
        }
        try {
            return profiles.settingsFor(profile);
        } catch (MissingCredentialsException e) {
            throw new ConnectionSetupException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ConnectionSetupException("The profile '" + profile.name() + "' cannot be used: "
                    + e.getMessage());
        }
    }

    private String savedNames() {
        String names = profiles.profiles().stream().filter(profile -> !profile.sandbox())
                .map(profile -> "'" + profile.name() + "'").collect(Collectors.joining(", "));
        return names.isEmpty()
                ? "No profiles are saved yet: add one in the desktop app (Connection → Connect Exotel account…)."
                : "Saved profiles: " + names + ".";
    }

    private static String sandboxOnlyInTheApp() {
        return "The 'Sandbox' profile is the desktop app's built-in local server and is not reachable from the "
                + "command line; use a saved Exotel profile, or the EXOTEL_* variables.";
    }
}
