package org.dialbook.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import picocli.CommandLine;

/** Runs {@code dialbook contacts ...} in-process with captured output, as a test would from a shell. */
record CliRun(int exitCode, String out, String err) {

    /** Environment variables for a server at {@code baseUrl}. */
    static Map<String, String> env(String baseUrl, String account, String key, String token) {
        return Map.of(EnvConnection.BASE_URL, baseUrl, EnvConnection.ACCOUNT_SID, account,
                EnvConnection.API_KEY, key, EnvConnection.API_TOKEN, token);
    }

    static CliRun contacts(Map<String, String> env, String... args) {
        return contacts(env, null, args);
    }

    /** {@code contacts ...} with the app's folders (the mirror) under {@code dirs}. */
    static CliRun contacts(Map<String, String> env, AppDirs dirs, String... args) {
        ContactsCommand command = new ContactsCommand(new EnvConnection(env),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build());
        if (dirs != null) {
            command.withDirs(dirs);
        }
        return execute(command, args);
    }

    /** {@code dialbook sync ...} with the mirror under {@code dirs}. */
    static CliRun sync(Map<String, String> env, AppDirs dirs, String... args) {
        return execute(new SyncCommand(new EnvConnection(env), name -> {
            throw new ConnectionSetupException("no profiles in this test");
        }, settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build(), dirs, true), args);
    }

    /** {@code dialbook import ...} with its journals, and so the mirror, under {@code dirs}. */
    static CliRun importing(Map<String, String> env, AppDirs dirs, String... args) {
        return execute(new ImportCommand(new EnvConnection(env),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build(), dirs::imports),
                args);
    }

    /** Runs {@code dialbook lists ...}. */
    static CliRun lists(Map<String, String> env, String... args) {
        // A fresh, empty app folder: the user's own mirror must never answer (or be written by) a test.
        try {
            return lists(env, AppDirs.under(java.nio.file.Files.createTempDirectory("dialbook-lists-cli")), args);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code dialbook lists ...} with the app's folders (the mirror) under {@code dirs}. */
    static CliRun lists(Map<String, String> env, AppDirs dirs, String... args) {
        return execute(new ListsCommand(new EnvConnection(env),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build()).withDirs(dirs),
                args);
    }

    private static CliRun execute(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
