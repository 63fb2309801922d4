package org.dialbook.app;

import java.io.PrintWriter;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactsClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code contacts update SID --set field=value ...}: changes only the fields given. */
@Command(name = "update", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = "Change fields of one contact.")
final class UpdateContactCommand extends ContactsSubcommand {
    @Parameters(paramLabel = "SID", description = "The contact's sid.")
    String sid;

    @Option(names = "--set", required = true, paramLabel = "FIELD=VALUE",
            description = "A field to change (repeatable): number, first_name, last_name, company_name, email, tag "
                    + "or custom_field (JSON). An empty value clears the field.")
    List<String> assignments;

    private ContactPatch patch;

    @Override
    void validate() {
        patch = ContactPatch.empty();
        for (String assignment : assignments) {
            patch = ContactFields.withAssignment(patch, assignment);
        }
    }

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        Contact updated = client.updateContact(sid, patch);
        out.println("Updated " + ContactOutput.summary(updated));
        return OK;
    }
}
