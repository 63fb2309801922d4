package org.dialbook.api;

import com.google.gson.JsonElement;
import java.time.OffsetDateTime;

/**
 * A contact as the API returns it in {@code data}.
 *
 * @param customField any JSON value the user stored, kept as sent so it round-trips unchanged; null
 *     when absent or JSON null
 * @param lists the contact's lists, only present when listed with {@code filter=show_list}; else null
 */
public record Contact(
        String sid,
        String number,
        String firstName,
        String lastName,
        String companyName,
        String email,
        String tag,
        JsonElement customField,
        OffsetDateTime dateCreated,
        OffsetDateTime dateUpdated,
        String accountSid,
        String uri,
        JsonElement lists) {

    /** First and last name joined, or empty. */
    public String displayName() {
        StringBuilder name = new StringBuilder();
        if (firstName != null && !firstName.isBlank()) {
            name.append(firstName.trim());
        }
        if (lastName != null && !lastName.isBlank()) {
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(lastName.trim());
        }
        return name.toString();
    }
}
