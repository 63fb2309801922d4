package org.dialbook.app;

import java.io.PrintWriter;
import org.dialbook.api.ContactsClient;
import picocli.CommandLine.ParentCommand;

/**
 * A {@code contacts} subcommand: checks its arguments, opens the client through the parent's
 * connection ({@code --profile} or {@code EXOTEL_*}), and runs; the {@link CliCommand} frame turns
 * failures into one line and an exit code.
 */
abstract class ContactsSubcommand extends CliCommand {
    @ParentCommand
    private ClientSource parent;

    /** A command that opens a client for its subcommands ({@code contacts}, {@code lists}). */
    interface ClientSource {
        ContactsClient openClient();

        /** The app's folders (the local mirror lives there); tests point them at a temporary folder. */
        default AppDirs dirs() {
            return AppDirs.fromEnvironment();
        }
    }

    @Override
    final int execute(PrintWriter out, PrintWriter err) {
        // Arguments are checked before connecting, so a typo never waits for the keychain or the network.
        validate();
        try (ContactsClient client = parent.openClient()) {
            return run(client, out, err);
        }
    }

    /** The app's folders, for the local mirror. */
    AppDirs dirs() {
        return parent.dirs();
    }

    /** Checks the arguments before connecting; throws {@link UsageException} naming the problem. */
    void validate() {
    }

    abstract int run(ContactsClient client, PrintWriter out, PrintWriter err);
}
