package org.dialbook.mirror;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.dialbook.api.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's contacts in a SQLite file, searchable by any substring of any field. Thread-safe:
 * writes (sync, Dialbook's own edits) go through one connection and reads through another, and WAL
 * lets a search run while a sync writes. Nothing here holds more than a page of contacts in memory.
 */
public final class Mirror implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mirror.class);
    private static final String UPSERT = "INSERT INTO contact (sid, number, digits, first_name, last_name, "
            + "company_name, email, tag, custom_field, custom_text, date_created, date_updated, account_sid, uri, "
            + "pass_gen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sid) DO UPDATE SET "
            + "number = excluded.number, digits = excluded.digits, first_name = excluded.first_name, "
            + "last_name = excluded.last_name, company_name = excluded.company_name, email = excluded.email, "
            + "tag = excluded.tag, custom_field = excluded.custom_field, custom_text = excluded.custom_text, "
            + "date_created = excluded.date_created, date_updated = excluded.date_updated, "
            + "account_sid = excluded.account_sid, uri = excluded.uri, pass_gen = excluded.pass_gen WHERE "
            + "number IS NOT excluded.number OR first_name IS NOT excluded.first_name "
            + "OR last_name IS NOT excluded.last_name OR company_name IS NOT excluded.company_name "
            + "OR email IS NOT excluded.email OR tag IS NOT excluded.tag OR custom_field IS NOT excluded.custom_field "
            + "OR date_updated IS NOT excluded.date_updated OR uri IS NOT excluded.uri";

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final String setAsideNotice;
    private final MirrorLists lists;
    /** Guarded by {@link #reader}. */
    private final CountCache counts = new CountCache();
    private final SplitCount splitCount;

    private Mirror(Path file, Connection writer, Connection reader, Connection counter, String setAsideNotice) {
        this.file = file;
        this.splitCount = new SplitCount(counter);
        this.writer = writer;
        this.reader = reader;
        this.setAsideNotice = setAsideNotice;
        this.lists = new MirrorLists(this);
    }

    /**
     * Brings a mirror written by an earlier version forward. Said before it starts, at WARN so a
     * terminal shows it too: building a new index over a large mirror takes a while once (about
     * 40 s for a million contacts), and a silent pause looks like a hang.
     */
    private static void upgrade(Path file, Connection writer) throws SQLException {
        LOG.warn("Upgrading the contact mirror {} for this version of Dialbook (once; about a minute for a million"
                + " contacts)", file.getFileName());
        long started = System.nanoTime();
        Schema.migrate(writer);
        LOG.info("Upgraded the contact mirror {} in {} ms", file.getFileName(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Opens (creating or migrating) the file. Throws {@link Unreadable} when the file is not a mirror
     * this version can use; {@link MirrorFiles} then sets it aside.
     */
    static Mirror open(Path file, String setAsideNotice) throws Unreadable {
        Connection writer = null;
        try {
            writer = connect(file);
            Schema.State state;
            try {
                state = Schema.inspect(writer);
            } catch (SQLException e) {
                throw new Unreadable("it is not a readable SQLite database (" + e.getMessage() + ")", e);
            }
            switch (state) {
                case FOREIGN -> throw new Unreadable("it is not a Dialbook mirror", null);
                case NEWER -> throw new Unreadable("it was written by a newer version of Dialbook", null);
                case EMPTY -> Schema.migrate(writer);
                case OLDER -> upgrade(file, writer);
                default -> {
                    // Current: nothing to change.
                }
            }
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            Connection reader = connect(file);
            Connection counter;
            try {
                counter = connect(file);
            } catch (SQLException e) {
                closeQuietly(reader);
                throw e;
            }
            return new Mirror(file, writer, reader, counter, setAsideNotice);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new Unreadable("it could not be opened (" + e.getMessage() + ")", e);
        } catch (Unreadable e) {
            closeQuietly(writer);
            throw e;
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            // The triggers that fill the short-term index call it on every write.
            Grams.register(connection);
            // The reader may meet a checkpoint in progress; wait for it rather than fail.
            statement.execute("PRAGMA busy_timeout = 10000");
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    public Path file() {
        return file;
    }

    /** Set when the previous file could not be used and was moved aside: says where it went. */
    public Optional<String> setAsideNotice() {
        return Optional.ofNullable(setAsideNotice);
    }

    // ---- writes ------------------------------------------------------------------------------

    /** Stores contacts as the API returned them ({@code data} objects of a list or get call). */
    public void putJson(List<JsonObject> contacts) {
        List<MirrorRow> rows = new ArrayList<>(contacts.size());
        contacts.forEach(json -> rows.add(MirrorRow.fromJson(json)));
        write(rows, null);
    }

    /** Stores contacts from the server's answer to Dialbook's own create or update. */
    public void put(List<Contact> contacts) {
        List<MirrorRow> rows = new ArrayList<>(contacts.size());
        contacts.forEach(contact -> rows.add(MirrorRow.fromContact(contact)));
        write(rows, null);
    }

    /** Removes contacts the server deleted. */
    public void delete(Collection<String> sids) {
        synchronized (writer) {
            inTransaction(() -> {
                try (PreparedStatement contact = writer.prepareStatement("DELETE FROM contact WHERE sid = ?");
                        PreparedStatement member = writer.prepareStatement(
                                "DELETE FROM list_member WHERE contact_sid = ?")) {
                    for (String sid : sids) {
                        contact.setString(1, sid);
                        contact.addBatch();
                        member.setString(1, sid);
                        member.addBatch();
                    }
                    contact.executeBatch();
                    member.executeBatch();
                }
            });
        }
    }

    /**
     * Writes rows and, when {@code state} is given, the sync's bookkeeping in the same transaction,
     * so that a kill leaves either both or neither.
     */
    void write(List<MirrorRow> rows, SyncState state) {
        synchronized (writer) {
            inTransaction(() -> {
                long gen = state == null ? currentGen() : state.passGen();
                try (PreparedStatement upsert = writer.prepareStatement(UPSERT);
                        PreparedStatement seen = writer.prepareStatement(
                                "UPDATE contact SET pass_gen = ? WHERE sid = ? AND pass_gen <> ?")) {
                    for (MirrorRow row : rows) {
                        bind(upsert, row, gen);
                        upsert.addBatch();
                        seen.setLong(1, gen);
                        seen.setString(2, row.sid());
                        seen.setLong(3, gen);
                        seen.addBatch();
                    }
                    upsert.executeBatch();
                    seen.executeBatch();
                }
                if (state != null) {
                    state.save(this);
                }
            });
        }
    }

    private long currentGen() throws SQLException {
        String value = metaLocked("pass_gen");
        return value == null ? 0 : Long.parseLong(value);
    }

    private static void bind(PreparedStatement statement, MirrorRow row, long gen) throws SQLException {
        statement.setString(1, row.sid());
        statement.setString(2, row.number());
        statement.setString(3, row.digits());
        statement.setString(4, row.firstName());
        statement.setString(5, row.lastName());
        statement.setString(6, row.companyName());
        statement.setString(7, row.email());
        statement.setString(8, row.tag());
        statement.setString(9, row.customField());
        statement.setString(10, row.customText());
        statement.setString(11, row.dateCreated());
        statement.setString(12, row.dateUpdated());
        statement.setString(13, row.accountSid());
        statement.setString(14, row.uri());
        statement.setLong(15, gen);
    }

    /** Folds the write-ahead log back into the file after a large write, so it does not linger at its peak size. */
    public void checkpoint() {
        synchronized (writer) {
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                // A reader holding a snapshot can delay it; SQLite checkpoints again later on its own.
                LOG.debug("Checkpoint of {} deferred", file, e);
            }
        }
    }

    /** Contacts not seen since pass {@code gen} began: deleted on the server, or missed by shifting pages. */
    List<String> unseenSince(long gen, int max) {
        synchronized (writer) {
            try (PreparedStatement statement = writer.prepareStatement(
                    "SELECT sid FROM contact WHERE pass_gen < ? LIMIT ?")) {
                statement.setLong(1, gen);
                statement.setInt(2, max);
                List<String> sids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sids.add(rows.getString(1));
                    }
                }
                return sids;
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    void markSeen(String sid, long gen) {
        synchronized (writer) {
            try (PreparedStatement statement = writer.prepareStatement("UPDATE contact SET pass_gen = ? WHERE sid = ?")) {
                statement.setLong(1, gen);
                statement.setString(2, sid);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw failure("write", e);
            }
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    /** One page of matches; {@code limit} -1 means every match from {@code offset}. */
    public List<Contact> search(MirrorQuery query, int offset, int limit) {
        List<Contact> contacts = new ArrayList<>(capacity(limit));
        searchRows(query, offset, limit, row -> contacts.add(row.toContact()));
        return contacts;
    }

    /** {@link #search} as the API's contact objects, for {@code --format json}. */
    public List<JsonObject> searchJson(MirrorQuery query, int offset, int limit) {
        List<JsonObject> contacts = new ArrayList<>(capacity(limit));
        searchRows(query, offset, limit, row -> contacts.add(row.toJson()));
        return contacts;
    }

    private static int capacity(int limit) {
        return limit < 0 ? 64 : Math.min(limit, 1000);
    }

    /** Every match, one at a time, for whole-book jobs (export, select all); never all in memory. */
    public void forEach(MirrorQuery query, Consumer<Contact> action) {
        searchRows(query, 0, -1, row -> action.accept(row.toContact()));
    }

    /**
     * Every contact, oldest first, read a thousand at a time as the stream is consumed, for
     * whole-book jobs that take a stream (the import's duplicate check); never all in memory.
     */
    public Stream<Contact> streamAll() {
        Spliterator<Contact> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private final ArrayDeque<Contact> buffer = new ArrayDeque<>();
            private long afterRowid = -1;
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super Contact> action) {
                if (buffer.isEmpty() && !done) {
                    afterRowid = fill(buffer, afterRowid);
                    done = buffer.isEmpty();
                }
                Contact next = buffer.poll();
                if (next == null) {
                    return false;
                }
                action.accept(next);
                return true;
            }
        };
        return StreamSupport.stream(pages, false);
    }

    /** The matches of {@code query} from {@code offset} on, read a thousand at a time as consumed. */
    public Stream<Contact> streamSearch(MirrorQuery query, int offset) {
        Spliterator<Contact> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            private final ArrayDeque<Contact> buffer = new ArrayDeque<>();
            private int next = offset;
            private boolean done;

            @Override
            public boolean tryAdvance(Consumer<? super Contact> action) {
                if (buffer.isEmpty() && !done) {
                    List<Contact> page = search(query, next, 1000);
                    buffer.addAll(page);
                    next += page.size();
                    done = page.isEmpty();
                }
                Contact contact = buffer.poll();
                if (contact == null) {
                    return false;
                }
                action.accept(contact);
                return true;
            }
        };
        return StreamSupport.stream(pages, false);
    }

    private long fill(ArrayDeque<Contact> buffer, long afterRowid) {
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement("SELECT " + SearchSql.COLUMNS
                    + ", c.rowid FROM contact c WHERE c.rowid > ? ORDER BY c.rowid LIMIT 1000")) {
                statement.setLong(1, afterRowid);
                long last = afterRowid;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        buffer.add(row(rows).toContact());
                        last = rows.getLong(13);
                    }
                }
                return last;
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    /** {@link #forEach} as the API's contact objects. */
    public void forEachJson(MirrorQuery query, Consumer<JsonObject> action) {
        searchRows(query, 0, -1, row -> action.accept(row.toJson()));
    }

    /**
     * The exact number of matches. For a term matching everything at 1M this takes a few hundred ms the
     * first time; the same count again, before anything in the file changes, comes from {@link CountCache}.
     */
    public long count(MirrorQuery query) {
        // The sort does not change the count, and in mirror order every term can use an index.
        SearchSql sql = SearchSql.of(query.sortedBy(MirrorSort.MIRROR, false));
        String key = sql.count() + " " + sql.args;
        synchronized (reader) {
            try {
                long version = dataVersion();
                Long cached = counts.get(version, key);
                if (cached != null) {
                    return cached;
                }
                long count = splitCount.count(reader, sql);
                // Two halves on two connections: remembered only when nothing committed meanwhile.
                if (dataVersion() == version) {
                    counts.put(version, key, count);
                }
                return count;
            } catch (SQLException e) {
                throw failure("search", e);
            }
        }
    }

    /** Drops the remembered counts, so that the next {@link #count} of each search counts again (benchmarks). */
    public void forgetCounts() {
        synchronized (reader) {
            counts.clear();
        }
    }

    /** Changes whenever anything commits to the file, from this process or another. Caller holds the reader. */
    private long dataVersion() throws SQLException {
        try (Statement statement = reader.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA data_version")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /**
     * The most common values of {@code facet} (any case counts as one value), most contacts first,
     * for the filter chips. Reads the column's index only, never the contacts themselves.
     */
    public List<Facet.Value> facetValues(Facet facet, int limit) {
        String column = "c." + facet.column();
        List<Facet.Value> values = new ArrayList<>();
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement("SELECT min(" + column + "), count(*) FROM "
                    + "contact c WHERE " + column + " IS NOT NULL AND " + column + " <> '' GROUP BY " + column
                    + " COLLATE NOCASE ORDER BY count(*) DESC, min(" + column + ") COLLATE NOCASE LIMIT ?")) {
                statement.setInt(1, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(new Facet.Value(rows.getString(1), rows.getLong(2)));
                    }
                }
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
        return values;
    }

    /** Contacts whose number is exactly {@code number} (as stored, E.164), for the duplicate warning. */
    public List<Contact> withNumber(String number) {
        List<Contact> contacts = new ArrayList<>();
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement(
                    "SELECT " + SearchSql.COLUMNS + " FROM contact c WHERE c.number = ? ORDER BY c.rowid LIMIT 20")) {
                statement.setString(1, number);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        contacts.add(row(rows).toContact());
                    }
                }
            } catch (SQLException e) {
                throw failure("search", e);
            }
        }
        return contacts;
    }

    public Optional<Contact> get(String sid) {
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement(
                    "SELECT " + SearchSql.COLUMNS + " FROM contact c WHERE c.sid = ?")) {
                statement.setString(1, sid);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(row(rows).toContact()) : Optional.empty();
                }
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    /** The list sids {@code sid} belongs to, as far as the mirror knows. */
    public List<String> listsOf(String sid) {
        List<String> lists = new ArrayList<>();
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement(
                    "SELECT list_sid FROM list_member WHERE contact_sid = ? ORDER BY list_sid")) {
                statement.setString(1, sid);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        lists.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
        return lists;
    }

    /** Whether the mirror holds no contact at all (a first start); cheaper than {@link #size()}. */
    public boolean isEmpty() {
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement("SELECT 1 FROM contact LIMIT 1");
                    ResultSet rows = statement.executeQuery()) {
                return !rows.next();
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    /** How many contacts the mirror holds. */
    public long size() {
        return count(new MirrorQuery(null, null, null, null, MirrorSort.MIRROR, false));
    }

    /** What the mirror covers and when it was last brought up to date. */
    public MirrorStatus status() {
        SyncState state = syncState();
        return new MirrorStatus(size(), state.serverTotal(), state.complete(), state.lastSynced(),
                state.passing() ? state.passOffset() : -1);
    }

    SyncState syncState() {
        synchronized (writer) {
            try {
                return SyncState.load(this);
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    void saveState(SyncState state) {
        synchronized (writer) {
            inTransaction(() -> state.save(this));
        }
    }

    private void searchRows(MirrorQuery query, int offset, int limit, Consumer<MirrorRow> action) {
        SearchSql sql = SearchSql.of(query);
        synchronized (reader) {
            try (PreparedStatement statement = reader.prepareStatement(sql.page(query))) {
                int next = bindAll(statement, sql.args);
                statement.setInt(next, limit);
                statement.setInt(next + 1, offset);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        action.accept(row(rows));
                    }
                }
            } catch (SQLException e) {
                throw failure("search", e);
            }
        }
    }

    private static int bindAll(PreparedStatement statement, List<Object> args) throws SQLException {
        int index = 1;
        for (Object arg : args) {
            statement.setObject(index++, arg);
        }
        return index;
    }

    private static MirrorRow row(ResultSet rows) throws SQLException {
        return new MirrorRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11), rows.getString(12));
    }

    // ---- meta (caller holds the writer lock) --------------------------------------------------

    String metaLocked(String key) throws SQLException {
        try (PreparedStatement statement = writer.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    void putMetaLocked(String key, String value) throws SQLException {
        try (PreparedStatement statement = writer.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Work on one of the mirror's connections, for the lists' own class ({@link MirrorLists}). */
    interface SqlCall<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code call} on the reader connection. */
    <T> T reading(SqlCall<T> call) {
        synchronized (reader) {
            try {
                return call.run(reader);
            } catch (SQLException e) {
                throw failure("read", e);
            }
        }
    }

    /** Runs {@code call} on the writer connection, in one transaction. */
    <T> T writing(SqlCall<T> call) {
        synchronized (writer) {
            List<T> result = new ArrayList<>(1);
            inTransaction(() -> result.add(call.run(writer)));
            return result.get(0);
        }
    }

    /** The lists and their members as the mirror knows them. */
    public MirrorLists lists() {
        return lists;
    }

    private void inTransaction(SqlWork work) {
        try {
            writer.setAutoCommit(false);
            try {
                work.run();
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private MirrorException failure(String what, SQLException e) {
        return new MirrorException("Could not " + what + " the contact mirror " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        synchronized (reader) {
            splitCount.close();
            closeQuietly(reader);
        }
        synchronized (writer) {
            closeQuietly(writer);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing is best effort: the file stays consistent thanks to the journal.
            LOG.debug("Closing the mirror failed", e);
        }
    }

    /** The file cannot serve as this version's mirror; the reason is fit for the user. */
    static final class Unreadable extends Exception {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
