package org.dialbook.app;

import org.dialbook.api.ConnectionSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --profile NAME} and the account's request budgets, for every command that talks to an
 * account. Add it with {@code @Mixin} and pass it to {@link CliConnection#resolve(ConnectionOptions)}:
 * without {@code --profile} the {@code EXOTEL_*} variables are used. The options are inherited, so a
 * command with subcommands ({@code contacts}, {@code lists}) takes them before or after the subcommand.
 */
public final class ConnectionOptions {
    static final String DESCRIPTION = "Use the connection profile saved under this name in the desktop app (its API "
            + "key and token come from the OS keychain) instead of the EXOTEL_* variables.";

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT, description = DESCRIPTION)
    String profile;

    @Option(names = "--writes-per-minute", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Send at most N creates, updates and deletes a minute (Exotel publishes 30 for an "
                    + "account, the default on Exotel hosts; 0: no pacing). Overrides the profile's setting.")
    Integer writesPerMinute;

    @Option(names = "--reads-per-minute", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Send at most N reads a minute (Exotel publishes 300, the default on Exotel hosts; "
                    + "0: no pacing). Overrides the profile's setting.")
    Integer readsPerMinute;

    /** The profile name given, or null for the EXOTEL_* variables. */
    public String profile() {
        return profile;
    }

    /**
     * {@code settings} with the budgets given on the command line, if any.
     *
     * @throws UsageException naming the option when a budget is out of range
     */
    ConnectionSettings apply(ConnectionSettings settings) {
        try {
            return settings.withBudgets(writesPerMinute, readsPerMinute);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--writes-per-minute/--reads-per-minute: " + e.getMessage());
        }
    }
}
