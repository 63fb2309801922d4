package org.dialbook.app;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ItemOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code contacts bulk-update FILE.json}: the file holds the API's own body,
 * {@code {"contacts":[{"sid":"...","tag":"gold"}, ...]}}, or just the array.
 */
@Command(name = "bulk-update", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"Update many contacts from a JSON file: {\"contacts\":[{\"sid\":\"...\",\"tag\":\"gold\"}]} "
            + "or a bare array of such objects."})
final class BulkUpdateCommand extends ContactsSubcommand {
    @Parameters(paramLabel = "FILE.json", description = "The updates, one object with a sid per contact.")
    Path file;

    private List<ContactUpdate> updates;

    @Override
    void validate() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        JsonElement root = ContactFields.json(text, file.toString());
        JsonArray items = root.isJsonObject() && root.getAsJsonObject().get("contacts") instanceof JsonArray array
                ? array : root.isJsonArray() ? root.getAsJsonArray() : null;
        if (items == null) {
            throw new UsageException(file + " must hold {\"contacts\":[...]} or a JSON array of contacts");
        }
        updates = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String where = file + " item " + (i + 1);
            if (!(items.get(i) instanceof JsonObject item)) {
                throw new UsageException(where + " is not an object");
            }
            JsonElement sid = item.get("sid");
            if (sid == null || !sid.isJsonPrimitive() || sid.getAsString().isBlank()) {
                throw new UsageException(where + " has no \"sid\"");
            }
            updates.add(new ContactUpdate(sid.getAsString(), ContactFields.patchOf(item, where)));
        }
    }

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        BulkResult<Contact> result = client.updateContacts(updates);
        for (ItemOutcome<Contact> item : result.items()) {
            if (!item.succeeded()) {
                err.println("item " + (item.index() + 1) + " (sid " + updates.get(item.index()).sid() + "): "
                        + (item.status() == ItemOutcome.Status.UNKNOWN ? "outcome unknown: " : "")
                        + ContactOutput.describe(item.error()));
            }
        }
        int failed = result.items().size() - result.successes().size();
        out.println("Updated " + result.successes().size() + " of " + updates.size() + " contacts"
                + (failed > 0 ? "; " + failed + " failed" : "") + ".");
        return failed > 0 ? FAILED : OK;
    }
}
