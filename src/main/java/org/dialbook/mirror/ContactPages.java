package org.dialbook.mirror;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NotFoundException;
import org.dialbook.api.Page;

/** The two reads the sync makes, with contacts as the API's JSON so the mirror keeps them as sent. */
public interface ContactPages {

    Page<JsonObject> list(ListQuery query);

    /** The contact, or empty when the server answers 404. */
    Optional<JsonObject> get(String sid);

    static ContactPages of(ContactsApi api) {
        if (api instanceof ContactsClient client) {
            return new ContactPages() {
                @Override
                public Page<JsonObject> list(ListQuery query) {
                    return client.listContactsJson(query);
                }

                @Override
                public Optional<JsonObject> get(String sid) {
                    return fetch(api, sid);
                }
            };
        }
        return new ContactPages() {
            @Override
            public Page<JsonObject> list(ListQuery query) {
                Page<Contact> page = api.listContacts(query);
                List<JsonObject> items = new ArrayList<>(page.items().size());
                page.items().forEach(contact -> items.add(MirrorRow.fromContact(contact).toJson()));
                return new Page<>(items, page.offset(), page.limit(), page.total());
            }

            @Override
            public Optional<JsonObject> get(String sid) {
                return fetch(api, sid);
            }
        };
    }

    private static Optional<JsonObject> fetch(ContactsApi api, String sid) {
        try {
            return Optional.of(MirrorRow.fromContact(api.getContact(sid)).toJson());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
