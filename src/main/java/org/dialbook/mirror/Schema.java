package org.dialbook.mirror;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The mirror's schema and its migrations. {@code PRAGMA application_id} marks the file as
 * Dialbook's; {@code PRAGMA user_version} is the schema version. Each entry of {@link #MIGRATIONS}
 * takes a file from version i to i + 1, so an older file is brought forward in place.
 */
final class Schema {
    /** "DBMR": a SQLite file whose application_id differs is someone else's. */
    static final int APPLICATION_ID = 0x44424D52;
    static final String FTS_COLUMNS = "number, digits, first_name, last_name, company_name, email, tag, custom_text";

    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE contact ("
                    + "rowid INTEGER PRIMARY KEY, sid TEXT NOT NULL UNIQUE, number TEXT, digits TEXT, "
                    + "first_name TEXT, last_name TEXT, company_name TEXT, email TEXT, tag TEXT, "
                    + "custom_field TEXT, custom_text TEXT, date_created TEXT, date_updated TEXT, "
                    + "account_sid TEXT, uri TEXT, pass_gen INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX contact_number ON contact(number)",
            "CREATE INDEX contact_tag ON contact(tag COLLATE NOCASE)",
            "CREATE INDEX contact_company ON contact(company_name COLLATE NOCASE)",
            "CREATE TABLE list_member (list_sid TEXT NOT NULL, contact_sid TEXT NOT NULL, "
                    + "PRIMARY KEY (list_sid, contact_sid)) WITHOUT ROWID",
            "CREATE INDEX list_member_contact ON list_member(contact_sid)",
            "CREATE VIRTUAL TABLE contact_fts USING fts5(" + FTS_COLUMNS
                    + ", content='contact', content_rowid='rowid', tokenize='trigram')",
            "CREATE TRIGGER contact_ai AFTER INSERT ON contact BEGIN "
                    + "INSERT INTO contact_fts(rowid, " + FTS_COLUMNS + ") VALUES (new.rowid, "
                    + prefixed("new.") + "); END",
            "CREATE TRIGGER contact_ad AFTER DELETE ON contact BEGIN "
                    + "INSERT INTO contact_fts(contact_fts, rowid, " + FTS_COLUMNS + ") VALUES ('delete', old.rowid, "
                    + prefixed("old.") + "); END",
            // Only when an indexed column is written: marking a contact as seen must not re-index it.
            "CREATE TRIGGER contact_au AFTER UPDATE OF " + FTS_COLUMNS + " ON contact BEGIN "
                    + "INSERT INTO contact_fts(contact_fts, rowid, " + FTS_COLUMNS + ") VALUES ('delete', old.rowid, "
                    + prefixed("old.") + "); "
                    + "INSERT INTO contact_fts(rowid, " + FTS_COLUMNS + ") VALUES (new.rowid, " + prefixed("new.")
                    + "); END"),
            // Version 2: the account's lists, so the lists panel, the "Lists" column and a filter by
            // list work offline. members_known says the list's members were walked (or it was made
            // empty here); walked_at orders the slow re-walk of lists whose count did not change.
            List.of("CREATE TABLE campaign_list (sid TEXT PRIMARY KEY, name TEXT NOT NULL, tag TEXT, "
                    + "contact_count INTEGER, date_updated TEXT, members_known INTEGER NOT NULL DEFAULT 0, "
                    + "walked_at TEXT)",
                    "CREATE INDEX campaign_list_name ON campaign_list(name COLLATE NOCASE)"),
            // Version 3: the short-term index (see Grams), filled from the contacts already mirrored.
            List.of("CREATE VIRTUAL TABLE contact_gram USING fts5(grams, content='', contentless_delete=1, "
                            + "detail=none, tokenize='ascii')",
                    "INSERT INTO contact_gram(rowid, grams) SELECT rowid, " + gramsOf("") + " FROM contact",
                    "CREATE TRIGGER contact_gram_ai AFTER INSERT ON contact BEGIN "
                            + "INSERT INTO contact_gram(rowid, grams) VALUES (new.rowid, " + gramsOf("new.") + "); END",
                    "CREATE TRIGGER contact_gram_ad AFTER DELETE ON contact BEGIN "
                            + "DELETE FROM contact_gram WHERE rowid = old.rowid; END",
                    "CREATE TRIGGER contact_gram_au AFTER UPDATE OF " + FTS_COLUMNS + " ON contact BEGIN "
                            + "DELETE FROM contact_gram WHERE rowid = old.rowid; "
                            + "INSERT INTO contact_gram(rowid, grams) VALUES (new.rowid, " + gramsOf("new.") + "); END"));

    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /** The call that computes a contact's short-term tokens: digits first, then the text fields. */
    private static String gramsOf(String prefix) {
        return Grams.FUNCTION + "(" + prefix + "digits, " + prefix + "number, " + prefix + "first_name, " + prefix
                + "last_name, " + prefix + "company_name, " + prefix + "email, " + prefix + "tag, " + prefix
                + "custom_text)";
    }

    private static String prefixed(String prefix) {
        return prefix + FTS_COLUMNS.replace(", ", ", " + prefix);
    }

    /** What a file holds before it is used. */
    enum State {
        EMPTY, CURRENT, OLDER, NEWER, FOREIGN
    }

    static State inspect(Connection connection) throws SQLException {
        int applicationId = pragma(connection, "application_id");
        int version = pragma(connection, "user_version");
        if (applicationId == 0) {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rows.next();
                return rows.getInt(1) == 0 ? State.EMPTY : State.FOREIGN;
            }
        }
        if (applicationId != APPLICATION_ID) {
            return State.FOREIGN;
        }
        if (version > CURRENT_VERSION) {
            return State.NEWER;
        }
        return version == CURRENT_VERSION ? State.CURRENT : State.OLDER;
    }

    /** Runs the migrations the file lacks, in one transaction each. */
    static void migrate(Connection connection) throws SQLException {
        int version = pragma(connection, "user_version");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int v = version; v < CURRENT_VERSION; v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (v + 1));
                statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
