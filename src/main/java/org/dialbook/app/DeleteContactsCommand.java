package org.dialbook.app;

import java.io.PrintWriter;
import java.util.List;
import org.dialbook.api.ApiException;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.DeleteMany;
import org.dialbook.api.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code contacts delete SID...}: deletes each, reports each, and goes on after a failure. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = "Delete contacts by sid.")
final class DeleteContactsCommand extends ContactsSubcommand {
    @Parameters(arity = "1..*", paramLabel = "SID", description = "The sids of the contacts to delete.")
    List<String> sids;

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        int[] failures = {0};
        DeleteMany.run(client, sids, () -> false, new DeleteMany.Listener() {
            @Override
            public void deleted(String sid, Contact deleted) {
                out.println("Deleted " + ContactOutput.summary(deleted));
            }

            @Override
            public void failed(String sid, ApiException e) {
                if (e instanceof TransportException transport && !transport.outcomeUnknown()) {
                    // The server is out of reach: the remaining deletes would fail the same way.
                    throw e;
                }
                err.println("Not deleted " + sid + ": " + e.getMessage());
                failures[0]++;
            }
        });
        int failed = failures[0];
        if (failed > 0) {
            err.println(failed + " of " + sids.size() + " not deleted");
            return FAILED;
        }
        return OK;
    }
}
