package org.dialbook.app;

import picocli.CommandLine.Option;

/**
 * {@code --profile NAME}, for every command that talks to an account. Add it with {@code @Mixin}
 * and pass {@link #profile()} to {@link CliConnection#resolve}: without it the {@code EXOTEL_*}
 * variables are used.
 */
public final class ConnectionOptions {
    static final String DESCRIPTION = "Use the connection profile saved under this name in the desktop app (its API "
            + "key and token come from the OS keychain) instead of the EXOTEL_* variables.";

    @Option(names = "--profile", paramLabel = "NAME", description = DESCRIPTION)
    String profile;

    /** The profile name given, or null for the EXOTEL_* variables. */
    public String profile() {
        return profile;
    }
}
