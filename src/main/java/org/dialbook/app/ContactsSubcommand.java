package org.dialbook.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dialbook.api.ApiException;
import org.dialbook.api.ContactsClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The shared frame of every {@code contacts} subcommand: opens the client, runs, and turns failures
 * into one clear line on stderr and an exit code; never a stack trace.
 */
abstract class ContactsSubcommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @ParentCommand
    private ClientSource parent;

    @Spec
    private CommandSpec spec;

    /** A command that can open a client for its subcommands ({@code contacts}, {@code lists}). */
    interface ClientSource {
        ContactsClient openClient();
    }

    /** What a framed command does once connected; returns the exit code. */
    interface Body {
        int run(ContactsClient client, PrintWriter out, PrintWriter err);
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            validate();
        } catch (UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        return framed(parent, out, err, this::run);
    }

    /**
     * Connects, runs the body, and turns failures into one line on stderr and an exit code; shared
     * with commands that run without a subcommand ({@code dialbook lists}).
     */
    static int framed(ClientSource source, PrintWriter out, PrintWriter err, Body body) {
        try (ContactsClient client = source.openClient()) {
            return body.run(client, out, err);
        } catch (ConnectionSetupException | UsageException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (ApiException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Checks the arguments before connecting; throws {@link UsageException} naming the problem. */
    void validate() {
    }

    abstract int run(ContactsClient client, PrintWriter out, PrintWriter err);

    /** Bad arguments: printed as one line, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
