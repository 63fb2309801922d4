package org.dialbook.app;

import com.google.gson.JsonElement;
import java.io.PrintWriter;
import java.util.List;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.NewContact;
import org.dialbook.contact.ContactField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code contacts create --number N ...}: one new contact. */
@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = "Create one contact.")
final class CreateContactCommand extends ContactsSubcommand {
    @Option(names = "--number", required = true, paramLabel = "E164",
            description = "Phone number, e.g. +919101234510; without +country it is read as Indian "
                    + "(landlines with their STD prefix, e.g. 08012345678). Sent in E.164.")
    String number;

    @Option(names = "--first-name", paramLabel = "TEXT")
    String firstName;

    @Option(names = "--last-name", paramLabel = "TEXT")
    String lastName;

    @Option(names = "--company", paramLabel = "TEXT")
    String company;

    @Option(names = "--email", paramLabel = "TEXT")
    String email;

    @Option(names = "--tag", paramLabel = "TEXT")
    String tag;

    @Option(names = "--custom", paramLabel = "JSON", description = "Custom field, any JSON, e.g. '{\"plan\":\"gold\"}'.")
    String custom;

    private NewContact contact;

    @Override
    void validate() {
        JsonElement customField = custom == null ? null : ContactFields.json(custom, "--custom");
        contact = NewContact.builder(ContactFields.checked(ContactField.NUMBER, number, "--number"))
                .firstName(text(ContactField.FIRST_NAME, firstName, "--first-name"))
                .lastName(text(ContactField.LAST_NAME, lastName, "--last-name"))
                .companyName(text(ContactField.COMPANY_NAME, company, "--company"))
                .email(text(ContactField.EMAIL, email, "--email"))
                .tag(text(ContactField.TAG, tag, "--tag")).customField(customField).build();
    }

    private static String text(ContactField field, String value, String option) {
        return value == null ? null : ContactFields.checked(field, value, option);
    }

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        BulkResult<Contact> result = client.createContacts(List.of(contact));
        ItemOutcome<Contact> outcome = result.items().get(0);
        switch (outcome.status()) {
            case SUCCESS -> {
                out.println("Created " + ContactOutput.summary(outcome.value()));
                return OK;
            }
            case UNKNOWN -> {
                err.println("Outcome unknown: " + ContactOutput.describe(outcome.error())
                        + ". Check with 'contacts list' before creating it again.");
                return FAILED;
            }
            default -> {
                err.println("Not created: " + ContactOutput.describe(outcome.error()));
                return FAILED;
            }
        }
    }
}
