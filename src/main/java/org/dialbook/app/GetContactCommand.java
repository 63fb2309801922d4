package org.dialbook.app;

import java.io.PrintWriter;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.contact.ControlCharacters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code contacts get SID}: every field of one contact. */
@Command(name = "get", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = "Show one contact.")
final class GetContactCommand extends ContactsSubcommand {
    @Parameters(paramLabel = "SID", description = "The contact's sid.")
    String sid;

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        Contact contact = client.getContact(sid);
        line(out, "sid", contact.sid());
        line(out, "number", contact.number());
        line(out, "first_name", contact.firstName());
        line(out, "last_name", contact.lastName());
        line(out, "company_name", contact.companyName());
        line(out, "email", contact.email());
        line(out, "tag", contact.tag());
        line(out, "custom_field", contact.customField() == null ? null : contact.customField().toString());
        line(out, "date_created", contact.dateCreated() == null ? null : contact.dateCreated().toString());
        line(out, "date_updated", contact.dateUpdated() == null ? null : contact.dateUpdated().toString());
        return OK;
    }

    private static void line(PrintWriter out, String field, String value) {
        // Escaped: an ESC sequence in a name would otherwise act on the terminal.
        out.printf("%-13s %s%n", field + ":", value == null ? "" : ControlCharacters.escape(value));
    }
}
