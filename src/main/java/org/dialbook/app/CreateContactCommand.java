package org.dialbook.app;

import com.google.gson.JsonElement;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dialbook.api.ApiException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.NewContact;
import org.dialbook.importer.LostCreates;
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

    /** The answer was lost: look for the number in the account, as an import does, and say what happened. */
    private int settleLostAnswer(ContactsClient client, String why, Instant sentAt, PrintWriter out, PrintWriter err) {
        String number = contact.number();
        if (!LostCreates.canCheck(ContactFields.PHONES, number)) {
            err.println("Outcome unknown: " + why + ". Check with 'contacts list' before creating it again.");
            return FAILED;
        }
        err.println("Outcome unknown (" + why + "); checking the account for " + number);
        Optional<String> sid;
        try {
            sid = LostCreates.find(client, ContactFields.PHONES, number, sentAt);
        } catch (ApiException e) {
            err.println("Outcome unknown: the account could not be checked ("
                    + e.getMessage() + "). Check with 'contacts list' before creating it again.");
            return FAILED;
        }
        if (sid.isPresent()) {
            out.println("Created " + number + " (sid " + sid.get() + "); confirmed in the account after the answer "
                    + "was lost");
            return OK;
        }
        err.println("Not created: the account has no contact with " + number + " made since the request was sent; "
                + "it is safe to create it again.");
        return FAILED;
    }

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        Instant sentAt = Instant.now();
        BulkResult<Contact> result = client.createContacts(List.of(contact));
        ItemOutcome<Contact> outcome = result.items().get(0);
        switch (outcome.status()) {
            case SUCCESS -> {
                out.println("Created " + ContactOutput.summary(outcome.value()));
                return OK;
            }
            case UNKNOWN -> {
                return settleLostAnswer(client, ContactOutput.describe(outcome.error()), sentAt, out, err);
            }
            default -> {
                err.println("Not created: " + ContactOutput.describe(outcome.error()));
                return FAILED;
            }
        }
    }
}
