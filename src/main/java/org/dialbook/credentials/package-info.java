/**
 * Connection profiles and their secrets, without JavaFX so the CLI and tests use them too.
 *
 * <p>Profiles (name, region, account SID, default country) are plain JSON in the user's config
 * folder ({@link org.dialbook.credentials.ProfileStore}). The API key and token never go there: they
 * live in the OS keychain ({@link org.dialbook.credentials.KeyringSecretStore}), or, when there is
 * none or it is locked, in memory for this session only
 * ({@link org.dialbook.credentials.FallbackSecretStore}). Keychain calls can take a few hundred
 * milliseconds, so UI callers run them off the FX thread.
 */
package org.dialbook.credentials;
