/**
 * The local mirror of an account: one SQLite file per account in the data folder, holding every
 * contact with an FTS5 trigram index for substring search, kept up to date by {@link
 * org.dialbook.mirror.MirrorSync} within a share of the API's read budget. The server stays the
 * source of truth: a mirror file that cannot be read is set aside and rebuilt. JavaFX-free, so the
 * CLI, the app and the tests share it.
 */
package org.dialbook.mirror;
