package org.dialbook.app;

import org.dialbook.api.ConnectionSettings;

/**
 * Where the CLI's connection comes from. {@link EnvConnection} reads the {@code EXOTEL_*}
 * environment variables; a profile-based resolver can take its place in {@link ContactsCommand}.
 */
@FunctionalInterface
public interface ConnectionResolver {
    /** @throws ConnectionSetupException naming what is missing or wrong */
    ConnectionSettings resolve();
}
