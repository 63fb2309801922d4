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
        return run(new ContactsCommand(new EnvConnection(env),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build()), args);
    }

    /** Runs {@code dialbook lists ...}. */
    static CliRun lists(Map<String, String> env, String... args) {
        return run(new ListsCommand(new EnvConnection(env),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build()), args);
    }

    private static CliRun run(Object command, String... args) {
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
