package org.dialbook.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ListQuery;
import org.dialbook.api.SortBy;
import org.dialbook.contact.ContactRules;

/**
 * The sandbox's contacts, in an embedded H2 database.
 *
 * <p>Why H2 and not SQLite: H2 is pure Java (no native library to unpack per OS, nothing to break in
 * a jpackage image), it was already on the class path, it has a true in-memory mode for tests, and
 * its MVStore commits a batch atomically, so a bulk create of 5000 is one transaction and a kill -9
 * loses at most the batch that had not committed. {@code WRITE_DELAY=0} writes each commit out at
 * once instead of after H2's default half second, so an answered create survives a kill.
 *
 * <p>The table is the source of truth. The orderings the list call needs (by creation and by name,
 * each tiebroken by insertion sequence) are kept in memory as {@link RankedSet}s, rebuilt from the
 * table at start-up. They make any page, even {@code offset=99980}, a rank lookup plus a primary-key
 * fetch of 20 rows; an SQL {@code ORDER BY ... OFFSET} would walk every skipped row. The sid to row
 * map lives in memory too: a database index on random 32-hex sids made bulk inserts five to eight
 * times slower (measured), and sids are only ever looked up whole.
 *
 * <p>Concurrency: one read/write lock. Writes (each one transaction) are serialised on a single
 * connection and update the in-memory orderings before the lock is released; reads run in parallel
 * on a small pool of connections. So a reader never sees a row the orderings do not know, or the
 * reverse.
 */
final class ContactStore implements AutoCloseable {

    /** Per-field cap on text, so a huge name gets a clear 400 instead of a database error; the client checks the same limit. */
    static final int MAX_TEXT = ContactRules.MAX_TEXT;
    private static final int INLINE_CUSTOM_LIMIT = 1_000_000;
    private static final int READERS = 4;

    private static final String COLUMNS = "seq, sid, account_sid, number, first_name, last_name, company_name, email,"
            + " tag, custom_small, custom_large, created_micros, updated_micros";

    /** How a single-contact lookup came out. */
    enum Found {
        YES,
        MISSING,
        OTHER_ACCOUNT
    }

    /** A lookup's outcome and, when found, the contact. */
    record Lookup(Found found, StoredContact contact) {
        static final Lookup MISSING = new Lookup(Found.MISSING, null);
        static final Lookup OTHER_ACCOUNT = new Lookup(Found.OTHER_ACCOUNT, null);
    }

    /** One item of a bulk update. */
    record Change(String sid, Map<ContactField, String> patch) {
    }

    /** A page of a list call. {@code lists} is filled only when asked for. */
    record ListPage(List<StoredContact> items, int total, Map<Long, List<ContactList>> lists) {
    }

    /** The in-memory sort keys of one contact. */
    private record Entry(long seq, long created, String first, String last, String names) {
        Entry(long seq, long created, String first, String last) {
            this(seq, created, first, last, (first == null ? "" : first) + '\n' + (last == null ? "" : last));
        }

        /** One search over "first\nlast"; a needle never holds a newline, so it cannot span both names. */
        boolean nameContains(String needle) {
            return names.contains(needle);
        }
    }

    private static final Comparator<Entry> BY_DATE = (a, b) -> {
        int byCreated = Long.compare(a.created(), b.created());
        return byCreated != 0 ? byCreated : Long.compare(a.seq(), b.seq());
    };
    /**
     * First name, then last name (case-insensitive, a missing name sorting as empty), then insertion.
     * Comparing "first\nlast" in one go gives that order, because a newline sorts below any
     * character a name holds.
     */
    private static final Comparator<Entry> BY_NAME = (a, b) -> {
        int byName = a.names().compareTo(b.names());
        return byName != 0 ? byName : Long.compare(a.seq(), b.seq());
    };

    private static final class AccountIndex {
        final RankedSet<Entry> byDate = new RankedSet<>(BY_DATE);
        final RankedSet<Entry> byName = new RankedSet<>(BY_NAME);

        void add(Entry entry) {
            byDate.add(entry);
            byName.add(entry);
        }

        void remove(Entry entry) {
            byDate.remove(entry);
            byName.remove(entry);
        }
    }

    private static final Set<Path> OPEN_DIRS = new HashSet<>();

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Path openDir;
    private final Clock clock;
    private final Connection writer;
    private final List<Connection> allConnections = new ArrayList<>();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

    // Guarded by lock.
    private final Map<String, AccountIndex> indexes = new HashMap<>();
    private final Map<Long, Entry> entries = new HashMap<>();
    private final Map<Long, String> accountOfSeq = new HashMap<>();
    private final Map<String, Long> seqOfSid = new HashMap<>();
    private final ListStore lists = new ListStore();
    private long nextSeq = 1;
    private long lastMicros;
    /** Moves on every committed write; filter results of an older version are never served. */
    private long version;

    private record FilterKey(String account, String needle, List<String> listSids, SortBy.Field field,
            long version) {
    }

    private static final int FILTER_CACHE_SIZE = 8;
    private static final int PARALLEL_SCAN_THRESHOLD = 20_000;
    private final Map<FilterKey, List<Entry>> filterCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FilterKey, List<Entry>> eldest) {
            return size() > FILTER_CACHE_SIZE;
        }
    };

    private ContactStore(String url, Clock clock) throws SQLException {
        this.clock = clock;
        this.writer = DriverManager.getConnection(url, "sa", "");
        allConnections.add(writer);
        try {
            createSchema();
            writer.setAutoCommit(false);
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(url, "sa", "");
                allConnections.add(reader);
                readers.add(reader);
            }
            loadIndexes();
        } catch (SQLException | RuntimeException e) {
            closeConnections();
            throw e;
        }
    }

    /**
     * A store in {@code dir}/sandbox.mv.db, created when missing. H2's file lock keeps a second
     * process out; inside one JVM H2 would share the open database instead, and two sandboxes with
     * separate in-memory orderings over one table would disagree, so that is refused here.
     */
    static ContactStore open(Path dir, Clock clock) throws SQLException {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (OPEN_DIRS) {
            if (!OPEN_DIRS.add(key)) {
                throw new SQLException("Another sandbox in this process already uses " + key);
            }
        }
        String url = "jdbc:h2:file:" + key.resolve("sandbox") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try {
            ContactStore store = new ContactStore(url, clock);
            store.openDir = key;
            return store;
        } catch (SQLException | RuntimeException e) {
            release(key);
            throw e;
        }
    }

    private static void release(Path dir) {
        synchronized (OPEN_DIRS) {
            OPEN_DIRS.remove(dir);
        }
    }

    /** A private store that disappears on close. */
    static ContactStore inMemory(Clock clock) throws SQLException {
        return new ContactStore("jdbc:h2:mem:sandbox-" + UUID.randomUUID(), clock);
    }

    private void createSchema() throws SQLException {
        try (Statement sql = writer.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS contact ("
                    + "seq BIGINT PRIMARY KEY, sid CHAR(32) NOT NULL, account_sid VARCHAR(200) NOT NULL,"
                    + " number VARCHAR(200) NOT NULL, first_name VARCHAR(" + MAX_TEXT + "),"
                    + " last_name VARCHAR(" + MAX_TEXT + "), company_name VARCHAR(" + MAX_TEXT + "),"
                    + " email VARCHAR(" + MAX_TEXT + "), tag VARCHAR(" + MAX_TEXT + "),"
                    + " custom_small VARCHAR(" + INLINE_CUSTOM_LIMIT + "), custom_large CLOB,"
                    + " created_micros BIGINT NOT NULL, updated_micros BIGINT NOT NULL)");
            ListStore.createSchema(sql);
            sql.execute("CREATE TABLE IF NOT EXISTS sandbox_meta (name VARCHAR(200) PRIMARY KEY, val VARCHAR(1000))");
        }
    }

    private void loadIndexes() throws SQLException {
        try (Statement sql = writer.createStatement()) {
            try (ResultSet rows = sql.executeQuery(
                    "SELECT seq, account_sid, created_micros, updated_micros, first_name, last_name, sid FROM contact")) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    String account = rows.getString(2);
                    Entry entry = new Entry(seq, rows.getLong(3), lower(rows.getString(5)), lower(rows.getString(6)));
                    index(account).add(entry);
                    entries.put(seq, entry);
                    accountOfSeq.put(seq, account);
                    seqOfSid.put(rows.getString(7), seq);
                    nextSeq = Math.max(nextSeq, seq + 1);
                    lastMicros = Math.max(lastMicros, Math.max(rows.getLong(3), rows.getLong(4)));
                }
            }
            lists.load(sql);
        }
    }

    private AccountIndex index(String account) {
        return indexes.computeIfAbsent(account, a -> new AccountIndex());
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** Strictly increasing microseconds, so every change has its own instant and creation order is total. */
    private long nextMicros() {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000);
        lastMicros = Math.max(micros, lastMicros + 1);
        return lastMicros;
    }

    // ---- writes ------------------------------------------------------------------------------------

    /** Creates all drafts in one transaction; each draft holds at least {@link ContactField#NUMBER}. */
    List<StoredContact> createAll(String account, List<Map<ContactField, String>> drafts) throws SQLException {
        lock.writeLock().lock();
        try {
            long savedSeq = nextSeq;
            List<StoredContact> created = new ArrayList<>(drafts.size());
            try (PreparedStatement insert = writer.prepareStatement(
                    "INSERT INTO contact (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Map<ContactField, String> draft : drafts) {
                    long micros = nextMicros();
                    StoredContact contact = new StoredContact(nextSeq++, freshSid(), account, null, null, null, null,
                            null, null, null, micros, micros).apply(draft, micros);
                    bind(insert, contact);
                    insert.addBatch();
                    created.add(contact);
                }
                insert.executeBatch();
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                rollback();
                nextSeq = savedSeq;
                throw e;
            }
            version++;
            AccountIndex index = index(account);
            for (StoredContact contact : created) {
                Entry entry = entryOf(contact);
                index.add(entry);
                entries.put(contact.seq(), entry);
                accountOfSeq.put(contact.seq(), account);
                seqOfSid.put(contact.sid(), contact.seq());
            }
            return created;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies every change in order, in one transaction; one lookup per change, in the same order. */
    List<Lookup> updateAll(String account, List<Change> changes) throws SQLException {
        lock.writeLock().lock();
        try {
            Map<String, Lookup> current = new HashMap<>();
            Map<Long, StoredContact> changed = new LinkedHashMap<>();
            Map<Long, StoredContact> before = new HashMap<>();
            List<Lookup> results = new ArrayList<>(changes.size());
            try {
                for (Change change : changes) {
                    Lookup lookup = current.containsKey(change.sid())
                            ? current.get(change.sid())
                            : find(writer, account, change.sid());
                    if (lookup.found() != Found.YES) {
                        results.add(lookup);
                        current.put(change.sid(), lookup);
                        continue;
                    }
                    before.putIfAbsent(lookup.contact().seq(), lookup.contact());
                    StoredContact updated = lookup.contact().apply(change.patch(), nextMicros());
                    Lookup result = new Lookup(Found.YES, updated);
                    current.put(change.sid(), result);
                    changed.put(updated.seq(), updated);
                    results.add(result);
                }
                if (!changed.isEmpty()) {
                    try (PreparedStatement update = writer.prepareStatement("UPDATE contact SET number=?, first_name=?,"
                            + " last_name=?, company_name=?, email=?, tag=?, custom_small=?, custom_large=?,"
                            + " updated_micros=? WHERE seq=?")) {
                        for (StoredContact contact : changed.values()) {
                            update.setString(1, contact.number());
                            update.setString(2, contact.firstName());
                            update.setString(3, contact.lastName());
                            update.setString(4, contact.companyName());
                            update.setString(5, contact.email());
                            update.setString(6, contact.tag());
                            bindCustom(update, 7, contact.customField());
                            update.setLong(9, contact.updatedMicros());
                            update.setLong(10, contact.seq());
                            update.addBatch();
                        }
                        update.executeBatch();
                    }
                }
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            }
            version++;
            AccountIndex index = index(account);
            for (StoredContact contact : changed.values()) {
                Entry old = entries.get(contact.seq());
                Entry fresh = entryOf(contact);
                if (!old.equals(fresh)) {
                    index.remove(old);
                    index.add(fresh);
                    entries.put(contact.seq(), fresh);
                }
            }
            return results;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Lookup update(String account, String sid, Map<ContactField, String> patch) throws SQLException {
        return updateAll(account, List.of(new Change(sid, patch))).get(0);
    }

    Lookup delete(String account, String sid) throws SQLException {
        lock.writeLock().lock();
        try {
            Lookup lookup = find(writer, account, sid);
            if (lookup.found() != Found.YES) {
                return lookup;
            }
            long seq = lookup.contact().seq();
            try (PreparedStatement members = writer.prepareStatement("DELETE FROM list_member WHERE contact_seq=?");
                    PreparedStatement contact = writer.prepareStatement("DELETE FROM contact WHERE seq=?")) {
                members.setLong(1, seq);
                members.executeUpdate();
                contact.setLong(1, seq);
                contact.executeUpdate();
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            }
            version++;
            index(account).remove(entries.remove(seq));
            accountOfSeq.remove(seq);
            seqOfSid.remove(sid);
            lists.forgetContact(seq);
            return lookup;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Makes a list in {@code account} holding the given contacts (tests and demo data).
     *
     * @throws IllegalArgumentException when a contact is not in the account or the name is taken
     */
    ContactList createList(String account, String name, List<String> contactSids) throws SQLException {
        lock.writeLock().lock();
        try {
            for (String sid : contactSids) {
                if (find(writer, account, sid).found() != Found.YES) {
                    throw new IllegalArgumentException("No contact " + sid + " in account " + account);
                }
            }
            ListStore.Outcome<StoredList> made = createLists(account, List.<String[]>of(new String[] {name, null}))
                    .get(0);
            if (made.problem() != null) {
                throw new IllegalArgumentException(made.problem().description());
            }
            ListStore.Outcome<Wire.Problem[]> added = addToList(account, made.value().sid(), contactSids,
                    Integer.MAX_VALUE);
            if (added.problem() != null) {
                throw new IllegalArgumentException(added.problem().description());
            }
            return made.value().view();
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- lists (the Lists endpoints; ListStore holds the rows, this store the lock) ----------------

    List<ListStore.Outcome<StoredList>> createLists(String account, List<String[]> nameAndTag) throws SQLException {
        lock.writeLock().lock();
        try {
            List<ListStore.Outcome<StoredList>> made = lists.create(writer, account, nameAndTag, this::nextMicros);
            version++;
            return made;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    List<ListStore.Outcome<StoredList>> updateLists(String account, List<ListStore.ListChange> changes)
            throws SQLException {
        lock.writeLock().lock();
        try {
            List<ListStore.Outcome<StoredList>> updated = lists.update(writer, account, changes, this::nextMicros);
            version++;
            return updated;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes a list; the value is the list as it was, with its member count before the delete. */
    ListStore.Outcome<StoredList> deleteList(String account, String listSid) throws SQLException {
        lock.writeLock().lock();
        try {
            ListStore.Outcome<StoredList> deleted = lists.delete(writer, account, listSid);
            version++;
            return deleted;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds contacts to a list. The outcome's problem is the whole request's (no such list); its value
     * holds one problem per contact, null where the contact is now in the list.
     */
    ListStore.Outcome<Wire.Problem[]> addToList(String account, String listSid, List<String> contactSids, int cap)
            throws SQLException {
        lock.writeLock().lock();
        try {
            ListStore.Outcome<StoredList> list = lists.find(account, listSid);
            if (list.problem() != null) {
                return ListStore.Outcome.failed(list.problem());
            }
            Long[] seqs = new Long[contactSids.size()];
            Wire.Problem[] problems = new Wire.Problem[contactSids.size()];
            for (int i = 0; i < seqs.length; i++) {
                Long seq = seqOfSid.get(contactSids.get(i));
                if (seq == null) {
                    problems[i] = Wire.Problem.notFound();
                } else if (!account.equals(accountOfSeq.get(seq))) {
                    problems[i] = Wire.Problem.otherAccount();
                } else {
                    seqs[i] = seq;
                }
            }
            lists.addMembers(writer, listSid, seqs, problems, cap);
            version++;
            return ListStore.Outcome.ok(problems);
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Takes a contact out of a list: null when done, else why not (404 for the list or the membership). */
    Wire.Problem removeFromList(String account, String listSid, String contactSid) throws SQLException {
        lock.writeLock().lock();
        try {
            ListStore.Outcome<StoredList> list = lists.find(account, listSid);
            if (list.problem() != null) {
                return list.problem();
            }
            Long seq = seqOfSid.get(contactSid);
            if (seq == null || !account.equals(accountOfSeq.get(seq)) || !lists.removeMember(writer, listSid, seq)) {
                return new Wire.Problem(404, 1000, "Contact " + contactSid + " is not in this list");
            }
            version++;
            return null;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    ListStore.Outcome<StoredList> findList(String account, String listSid) {
        lock.readLock().lock();
        try {
            return lists.find(account, listSid);
        } finally {
            lock.readLock().unlock();
        }
    }

    int listSize(String listSid) {
        lock.readLock().lock();
        try {
            return lists.size(listSid);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The account's lists matching {@code needle}, sorted, each with its member count. */
    List<Map.Entry<StoredList, Integer>> searchLists(String account, String needle, SortBy.Field order) {
        lock.readLock().lock();
        try {
            return lists.search(account, needle, order).stream()
                    .map(l -> Map.entry(l, lists.size(l.sid())))
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<String> meta(String name) throws SQLException {
        lock.readLock().lock();
        Connection reader = borrow();
        try (PreparedStatement select = reader.prepareStatement("SELECT val FROM sandbox_meta WHERE name=?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        } finally {
            readers.add(reader);
            lock.readLock().unlock();
        }
    }

    void setMeta(String name, String value) throws SQLException {
        lock.writeLock().lock();
        try (PreparedStatement merge = writer.prepareStatement("MERGE INTO sandbox_meta (name, val) VALUES (?,?)")) {
            merge.setString(1, name);
            merge.setString(2, value);
            merge.executeUpdate();
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void rollback() throws SQLException {
        writer.rollback();
    }

    // ---- reads -------------------------------------------------------------------------------------

    Lookup get(String account, String sid) throws SQLException {
        lock.readLock().lock();
        Connection reader = borrow();
        try {
            return find(reader, account, sid);
        } finally {
            readers.add(reader);
            lock.readLock().unlock();
        }
    }

    int count(String account) {
        lock.readLock().lock();
        try {
            AccountIndex index = indexes.get(account);
            return index == null ? 0 : index.byDate.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The lists a contact belongs to, in the order they were made. */
    List<ContactList> listsOf(long seq) {
        lock.readLock().lock();
        try {
            return lists.listsOf(seq);
        } finally {
            lock.readLock().unlock();
        }
    }

    ListPage list(String account, ListQuery query) throws SQLException {
        lock.readLock().lock();
        try {
            AccountIndex index = indexes.get(account);
            if (index == null) {
                return new ListPage(List.of(), 0, Map.of());
            }
            RankedSet<Entry> order = query.sortBy().field() == SortBy.Field.NAME ? index.byName : index.byDate;
            boolean ascending = query.sortBy().ascending();
            List<Long> pageSeqs = new ArrayList<>(query.limit());
            int total;
            String needle = lower(query.name());
            if (needle != null && needle.indexOf('\n') >= 0) {
                return new ListPage(List.of(), 0, Map.of());
            }
            Set<Long> inLists = lists.membersOf(account, query.listSids());
            if (needle == null && inLists == null) {
                total = order.size();
                int end = (int) Math.min(total, (long) query.offset() + query.limit());
                for (int rank = query.offset(); rank < end; rank++) {
                    pageSeqs.add(order.get(ascending ? rank : total - 1 - rank).seq());
                }
            } else {
                List<Entry> matches = matching(account, order, query, needle, inLists);
                total = matches.size();
                int end = (int) Math.min(total, (long) query.offset() + query.limit());
                for (int rank = query.offset(); rank < end; rank++) {
                    pageSeqs.add(matches.get(ascending ? rank : total - 1 - rank).seq());
                }
            }
            List<StoredContact> items = fetch(pageSeqs);
            Map<Long, List<ContactList>> shown = new HashMap<>();
            if (query.showLists()) {
                for (long seq : pageSeqs) {
                    shown.put(seq, lists.listsOf(seq));
                }
            }
            return new ListPage(items, total, shown);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The entries passing a name and/or list filter, in ascending order. A substring match cannot use
     * a sorted index, so this is one pass over the in-memory keys (a few milliseconds per 100,000
     * contacts). The result is kept, keyed by the store's version, so paging through one search (as
     * the table does) costs the pass once; any write makes a new version and so a fresh pass.
     */
    private List<Entry> matching(String account, RankedSet<Entry> order, ListQuery query, String needle,
            Set<Long> inLists) {
        FilterKey key = new FilterKey(account, needle, query.listSids(), query.sortBy().field(), version);
        synchronized (filterCache) {
            List<Entry> cached = filterCache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Predicate<Entry> wanted = entry -> (needle == null || entry.nameContains(needle))
                && (inLists == null || inLists.contains(entry.seq()));
        // Chunks are scanned on every core for big accounts; the read lock this thread holds keeps
        // writers out until the workers are done, and the ordered stream keeps the sort order.
        Stream<List<Entry>> chunks = order.chunks().stream();
        if (order.size() >= PARALLEL_SCAN_THRESHOLD) {
            chunks = chunks.parallel();
        }
        List<Entry> matches = chunks.flatMap(chunk -> chunk.stream().filter(wanted)).toList();
        List<Entry> frozen = matches;
        synchronized (filterCache) {
            filterCache.put(key, frozen);
        }
        return frozen;
    }

    private List<StoredContact> fetch(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM contact WHERE seq IN (");
        for (int i = 0; i < seqs.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(')');
        Map<Long, StoredContact> bySeq = new HashMap<>();
        Connection reader = borrow();
        try (PreparedStatement select = reader.prepareStatement(sql.toString())) {
            for (int i = 0; i < seqs.size(); i++) {
                select.setLong(i + 1, seqs.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    StoredContact contact = read(rows);
                    bySeq.put(contact.seq(), contact);
                }
            }
        } finally {
            readers.add(reader);
        }
        List<StoredContact> ordered = new ArrayList<>(seqs.size());
        for (long seq : seqs) {
            StoredContact contact = bySeq.get(seq);
            if (contact == null) {
                throw new IllegalStateException("The in-memory order names contact " + seq + " but the table lacks it");
            }
            ordered.add(contact);
        }
        return ordered;
    }

    /** Callers hold the lock (either kind). */
    private Lookup find(Connection connection, String account, String sid) throws SQLException {
        Long seq = seqOfSid.get(sid);
        if (seq == null) {
            return Lookup.MISSING;
        }
        if (!account.equals(accountOfSeq.get(seq))) {
            return Lookup.OTHER_ACCOUNT;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM contact WHERE seq=?")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("The sid map names contact " + seq + " but the table lacks it");
                }
                return new Lookup(Found.YES, read(row));
            }
        }
    }

    /** A sid no contact has; a clash of 128 random bits will not happen, but costs nothing to rule out. */
    private String freshSid() {
        String sid = Ids.newSid();
        while (seqOfSid.containsKey(sid)) {
            sid = Ids.newSid();
        }
        return sid;
    }

    private Connection borrow() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a database connection", e);
        }
    }

    private static Entry entryOf(StoredContact contact) {
        return new Entry(contact.seq(), contact.createdMicros(), lower(contact.firstName()), lower(contact.lastName()));
    }

    private static void bind(PreparedStatement insert, StoredContact contact) throws SQLException {
        insert.setLong(1, contact.seq());
        insert.setString(2, contact.sid());
        insert.setString(3, contact.accountSid());
        insert.setString(4, contact.number());
        insert.setString(5, contact.firstName());
        insert.setString(6, contact.lastName());
        insert.setString(7, contact.companyName());
        insert.setString(8, contact.email());
        insert.setString(9, contact.tag());
        bindCustom(insert, 10, contact.customField());
        insert.setLong(12, contact.createdMicros());
        insert.setLong(13, contact.updatedMicros());
    }

    /** Short custom fields stay inline (fast); only huge ones go to H2's LOB storage. */
    private static void bindCustom(PreparedStatement statement, int index, String custom) throws SQLException {
        boolean inline = custom == null || custom.length() <= INLINE_CUSTOM_LIMIT;
        statement.setString(index, inline ? custom : null);
        statement.setString(index + 1, inline ? null : custom);
    }

    private static StoredContact read(ResultSet row) throws SQLException {
        String custom = row.getString(10);
        if (custom == null) {
            custom = row.getString(11);
        }
        return new StoredContact(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9), custom,
                row.getLong(12), row.getLong(13));
    }

    static EnumMap<ContactField, String> draft() {
        return new EnumMap<>(ContactField.class);
    }

    @Override
    public void close() throws SQLException {
        lock.writeLock().lock();
        try {
            closeConnections();
        } finally {
            if (openDir != null) {
                release(openDir);
                openDir = null;
            }
            lock.writeLock().unlock();
        }
    }

    private void closeConnections() throws SQLException {
        SQLException first = null;
        for (Connection connection : allConnections) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        allConnections.clear();
        if (first != null) {
            throw first;
        }
    }
}
