package org.dialbook.mirror;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dialbook.api.CampaignList;
import org.dialbook.api.Contact;
import org.dialbook.importer.ListChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's lists and their members in the mirror: the lists panel, the table's "Lists" column
 * and a filter by list read them without a call. Filled by {@link ListSync}, and at once from the
 * server's answers to Dialbook's own list writes (create, rename, delete, add, remove).
 *
 * <p>Which lists have known members is also held in memory, so the UI thread can decide whether a
 * filter by list is answered here without touching the file.
 */
public final class MirrorLists {
    /** Adding a member, by a change (an edit, an import) or by a walk of the list; a second add is a no-op. */
    private static final String ADD_MEMBER = "INSERT OR IGNORE INTO list_member (list_sid, contact_sid) VALUES (?, ?)";

    private static final Logger LOG = LoggerFactory.getLogger(MirrorLists.class);
    private static final String COLUMNS = "sid, name, tag, contact_count, date_updated";
    /** A meta key set once the account's lists were read: an empty panel then means "no lists". */
    private static final String LISTS_SYNCED = "lists_synced";

    private final Mirror mirror;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    MirrorLists(Mirror mirror) {
        this.mirror = mirror;
        known.addAll(mirror.reading(connection -> {
            List<String> sids = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT sid FROM campaign_list WHERE members_known = 1")) {
                while (rows.next()) {
                    sids.add(rows.getString(1));
                }
            }
            return sids;
        }));
    }

    // ---- reads -------------------------------------------------------------------------------

    /** Every list the mirror knows, by name (any case). */
    public List<CampaignList> all() {
        return mirror.reading(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + COLUMNS
                            + " FROM campaign_list ORDER BY name COLLATE NOCASE, sid")) {
                List<CampaignList> lists = new ArrayList<>();
                while (rows.next()) {
                    lists.add(list(rows));
                }
                return lists;
            }
        });
    }

    /** True once the lists were read from the server at least once (an account may have none). */
    public boolean synced() {
        return mirror.reading(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                statement.setString(1, LISTS_SYNCED);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** The list named {@code nameOrSid}: its sid, or its name in any case. */
    public Optional<CampaignList> find(String nameOrSid) {
        String text = nameOrSid == null ? "" : nameOrSid.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return mirror.reading(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM campaign_list WHERE sid = ? OR name = ? COLLATE NOCASE ORDER BY sid = ? DESC, "
                    + "name = ? DESC LIMIT 1")) {
                statement.setString(1, text.toLowerCase(Locale.ROOT));
                statement.setString(2, text);
                statement.setString(3, text.toLowerCase(Locale.ROOT));
                statement.setString(4, text);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(list(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Whether the mirror holds this list's members, so a filter by it can be answered here. No I/O. */
    public boolean knowsMembers(String listSid) {
        return listSid != null && known.contains(listSid);
    }

    /** How many members the mirror holds for the list. */
    public int memberCount(String listSid) {
        return mirror.reading(connection -> count(connection, listSid));
    }

    /** The sids of a list's members, as far as the mirror knows. */
    public List<String> members(String listSid) {
        return mirror.reading(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT contact_sid FROM list_member WHERE list_sid = ? ORDER BY contact_sid")) {
                statement.setString(1, listSid);
                List<String> sids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sids.add(rows.getString(1));
                    }
                }
                return sids;
            }
        });
    }

    /**
     * The contacts with their lists' names, for the table's "Lists" column: each gets
     * {@code lists} as {@code filter=show_list} gives it ({@code [{"sid":…,"name":…}]}), so a page
     * costs no call. Contacts that already carry the server's lists keep them.
     */
    public List<Contact> withNames(List<Contact> contacts) {
        List<String> sids = contacts.stream().filter(contact -> contact.lists() == null).map(Contact::sid).toList();
        if (sids.isEmpty()) {
            return contacts;
        }
        Map<String, JsonArray> names = mirror.reading(connection -> {
            Map<String, JsonArray> found = new LinkedHashMap<>();
            String marks = String.join(", ", Collections.nCopies(sids.size(), "?"));
            try (PreparedStatement statement = connection.prepareStatement("SELECT m.contact_sid, l.sid, l.name "
                    + "FROM list_member m JOIN campaign_list l ON l.sid = m.list_sid WHERE m.contact_sid IN ("
                    + marks + ") ORDER BY l.name COLLATE NOCASE, l.sid")) {
                for (int i = 0; i < sids.size(); i++) {
                    statement.setString(i + 1, sids.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        JsonObject list = new JsonObject();
                        list.addProperty("sid", rows.getString(2));
                        list.addProperty("name", rows.getString(3));
                        found.computeIfAbsent(rows.getString(1), sid -> new JsonArray()).add(list);
                    }
                }
            }
            return found;
        });
        List<Contact> named = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            if (contact.lists() != null) {
                named.add(contact);
                continue;
            }
            JsonArray lists = names.getOrDefault(contact.sid(), new JsonArray());
            named.add(new Contact(contact.sid(), contact.number(), contact.firstName(), contact.lastName(),
                    contact.companyName(), contact.email(), contact.tag(), contact.customField(),
                    contact.dateCreated(), contact.dateUpdated(), contact.accountSid(), contact.uri(), lists));
        }
        return named;
    }

    /** What {@link ListSync} needs to decide what to walk: per list, members known and when walked. */
    Map<String, Walked> walkedState() {
        return mirror.reading(connection -> {
            Map<String, Walked> state = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT l.sid, l.members_known, l.walked_at, "
                            + "(SELECT count(*) FROM list_member m WHERE m.list_sid = l.sid) FROM campaign_list l")) {
                while (rows.next()) {
                    state.put(rows.getString(1), new Walked(rows.getInt(2) == 1, rows.getString(3), rows.getInt(4)));
                }
            }
            return state;
        });
    }

    /** One list's walk state: whether its members are known, when last walked, how many the mirror holds. */
    record Walked(boolean known, String walkedAt, int members) {
    }

    // ---- writes ------------------------------------------------------------------------------

    /**
     * The account's lists as the server listed them all: each is stored (name, tag, count), and lists
     * no longer there leave the mirror with their memberships.
     */
    public void replaceAll(List<CampaignList> lists) {
        Set<String> keep = new HashSet<>();
        lists.forEach(list -> keep.add(list.sid()));
        List<String> gone = mirror.writing(connection -> {
            for (CampaignList list : lists) {
                upsert(connection, list);
            }
            List<String> removed = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT sid FROM campaign_list")) {
                while (rows.next()) {
                    if (!keep.contains(rows.getString(1))) {
                        removed.add(rows.getString(1));
                    }
                }
            }
            for (String sid : removed) {
                drop(connection, sid);
            }
            try (PreparedStatement meta = connection.prepareStatement(
                    "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO NOTHING")) {
                meta.setString(1, LISTS_SYNCED);
                meta.executeUpdate();
            }
            return removed;
        });
        known.removeAll(gone);
    }

    /** A list the server returned for a rename or a read: name, tag and count updated. */
    public void put(CampaignList list) {
        mirror.writing(connection -> {
            upsert(connection, list);
            return null;
        });
    }

    /** A list Dialbook just created: empty, so its members are known. */
    public void created(CampaignList list) {
        mirror.writing(connection -> {
            upsert(connection, list);
            if (list.contactCount() == null || list.contactCount() == 0) {
                markKnown(connection, list.sid(), null);
            }
            return null;
        });
        if (list.contactCount() == null || list.contactCount() == 0) {
            known.add(list.sid());
        }
    }

    /**
     * The import's list step, written into this mirror as the server confirms it, so the panel and
     * {@code dialbook lists} show the list at once. A mirror that cannot be written is left to the
     * next sync: the import itself has succeeded and must not fail for it.
     */
    public ListChanges importChanges() {
        return new ListChanges() {
            @Override
            public void created(CampaignList list) {
                remember(() -> MirrorLists.this.created(list));
            }

            @Override
            public void added(CampaignList list, List<String> contactSids) {
                remember(() -> MirrorLists.this.added(list.sid(), contactSids));
            }
        };
    }

    private static void remember(Runnable change) {
        try {
            change.run();
        } catch (MirrorException e) {
            LOG.warn("Could not update the local mirror's lists after the import; the next sync will: {}",
                    e.getMessage());
        }
    }

    /** A list the server deleted; its contacts stay. */
    public void deleted(String listSid) {
        mirror.writing(connection -> {
            drop(connection, listSid);
            return null;
        });
        known.remove(listSid);
    }

    /** Contacts the server confirmed added to a list; the list's count follows. */
    public void added(String listSid, Collection<String> contactSids) {
        changeMembers(listSid, contactSids, ADD_MEMBER);
    }

    /** Contacts the server confirmed taken out of a list; they stay in the book. */
    public void removed(String listSid, Collection<String> contactSids) {
        changeMembers(listSid, contactSids, "DELETE FROM list_member WHERE list_sid = ? AND contact_sid = ?");
    }

    private void changeMembers(String listSid, Collection<String> contactSids, String sql) {
        if (contactSids.isEmpty()) {
            return;
        }
        mirror.writing(connection -> {
            int changed = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (String sid : contactSids) {
                    statement.setString(1, listSid);
                    statement.setString(2, sid);
                    changed += statement.executeUpdate();
                }
            }
            int delta = sql.startsWith("INSERT") ? changed : -changed;
            try (PreparedStatement count = connection.prepareStatement("UPDATE campaign_list SET contact_count = "
                    + "max(0, coalesce(contact_count, 0) + ?) WHERE sid = ?")) {
                count.setInt(1, delta);
                count.setString(2, listSid);
                count.executeUpdate();
            }
            return null;
        });
    }

    /** The members a walk of the list found, replacing what the mirror held: they are now known. */
    void replaceMembers(String listSid, Collection<String> contactSids, String walkedAt) {
        mirror.writing(connection -> {
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM list_member WHERE list_sid = ?");
                    PreparedStatement add = connection.prepareStatement(ADD_MEMBER)) {
                clear.setString(1, listSid);
                clear.executeUpdate();
                for (String sid : contactSids) {
                    add.setString(1, listSid);
                    add.setString(2, sid);
                    add.addBatch();
                }
                add.executeBatch();
            }
            markKnown(connection, listSid, walkedAt);
            return null;
        });
        known.add(listSid);
    }

    private static void markKnown(Connection connection, String listSid, String walkedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE campaign_list SET members_known = 1, walked_at = coalesce(?, walked_at) WHERE sid = ?")) {
            statement.setString(1, walkedAt);
            statement.setString(2, listSid);
            statement.executeUpdate();
        }
    }

    private static void upsert(Connection connection, CampaignList list) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO campaign_list (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT(sid) DO UPDATE SET name = coalesce(excluded.name, name), "
                + "tag = excluded.tag, contact_count = coalesce(excluded.contact_count, contact_count), "
                + "date_updated = coalesce(excluded.date_updated, date_updated)")) {
            statement.setString(1, list.sid());
            statement.setString(2, list.name() == null ? list.sid() : list.name());
            statement.setString(3, list.tag());
            statement.setObject(4, list.contactCount());
            statement.setString(5, list.dateUpdated() == null ? null : list.dateUpdated().toString());
            statement.executeUpdate();
        }
    }

    private static void drop(Connection connection, String listSid) throws SQLException {
        try (PreparedStatement members = connection.prepareStatement("DELETE FROM list_member WHERE list_sid = ?");
                PreparedStatement list = connection.prepareStatement("DELETE FROM campaign_list WHERE sid = ?")) {
            members.setString(1, listSid);
            members.executeUpdate();
            list.setString(1, listSid);
            list.executeUpdate();
        }
    }

    private static int count(Connection connection, String listSid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM list_member WHERE list_sid = ?")) {
            statement.setString(1, listSid);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static CampaignList list(ResultSet rows) throws SQLException {
        int count = rows.getInt(4);
        Integer contactCount = rows.wasNull() ? null : count;
        String updated = rows.getString(5);
        return new CampaignList(rows.getString(1), rows.getString(2), rows.getString(3), contactCount, null,
                updated == null ? null : OffsetDateTime.parse(updated), null);
    }
}
