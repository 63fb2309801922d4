/**
 * The composition root and the command line: {@link org.dialbook.app.Dialbook} (the one main),
 * {@link org.dialbook.app.DesktopServices} (wiring for the window), {@link org.dialbook.app.AppDirs},
 * and the CLI commands, which share one frame: {@link org.dialbook.app.CliCommand} (exit codes and
 * errors) and {@link org.dialbook.app.CliConnection} ({@code --profile} or {@code EXOTEL_*}).
 * Nothing depends on this package.
 */
package org.dialbook.app;
