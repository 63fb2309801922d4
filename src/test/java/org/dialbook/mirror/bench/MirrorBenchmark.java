package org.dialbook.mirror.bench;

import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.Page;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.mirror.MirrorSort;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;

/**
 * Measures the mirror (not a test: the numbers depend on the machine), with baselines in the same run.
 *
 * <ul>
 *   <li>{@code sync N}: N contacts in an in-memory sandbox; a full sync (contacts/s) against walking
 *       the same list without a mirror (the sandbox's own list throughput); the file's size; then
 *       search p50/p99 (first page, and count) for a number fragment, a name, a tag and a broad term,
 *       against the same search done by walking the API.
 *   <li>{@code search N}: N synthetic contacts written straight into a mirror (for 1,000,000, where
 *       a sandbox would not fit the heap), then the same search figures and the heap in use.
 * </ul>
 *
 * <p>Run: {@code mvn -q -o test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java
 * -Dexec.args="-Xmx512m -cp %classpath org.dialbook.mirror.bench.MirrorBenchmark sync 100000"}.
 */
public final class MirrorBenchmark {
    private static final int SAMPLES = 200;
    private static final String[] FIRST = {"Aarav", "Priya", "Rohan", "Ananya", "Wei Ling", "Jun Jie", "Siti", "Ravi",
        "Meera", "Karthik", "Divya", "Hui Min", "Farah", "Arjun", "Sneha", "Vikram"};
    private static final String[] LAST = {"Sharma", "Patel", "Iyer", "Tan", "Lim", "Nair", "Reddy", "Ng", "Khan",
        "Menon", "Goh", "Rao", "Pillai", "Ong", "Das", "Verma"};
    private static final String[] TAGS = {"diwali", "lead", "renewal", "vip", "cold", "pongal", "onam", "holi"};

    private MirrorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "sync";
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf(Locale.ROOT, "Mirror benchmark: %s %,d; %d CPUs, Java %s, -Xmx%d MB%n", mode, total,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        if (args.length > 2) {
            // A kept mirror file: filled on the first run, searched again by later ones.
            search(total, Path.of(args[2]));
            return;
        }
        Path dir = Files.createTempDirectory("mirror-bench");
        try {
            if (mode.equals("sync")) {
                sync(total, dir);
            } else {
                search(total, dir.resolve("bench.db"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void sync(int total, Path dir) throws SQLException {
        // By hand: a benchmark main, not a JUnit test.
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
                ContactsClient client = ContactsClient.builder(sandbox.connectionSettings()).build()) {
            List<NewContact> batch = new ArrayList<>();
            Random random = new Random(11);
            for (int i = 0; i < total; i++) {
                JsonObject row = contact(i, random);
                batch.add(NewContact.builder(row.get("number").getAsString())
                        .firstName(row.get("first_name").getAsString()).lastName(row.get("last_name").getAsString())
                        .companyName(row.get("company_name").getAsString()).email(row.get("email").getAsString())
                        .tag(row.get("tag").getAsString()).build());
                if (batch.size() == 5000) {
                    client.createContacts(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                client.createContacts(batch);
            }
            // Baseline: the sandbox's own list throughput, walking every page with nothing stored.
            walk(client, null);
            long walkNanos = walk(client, null);
            double listRate = total / (walkNanos / 1e9);

            long start = System.nanoTime();
            try (Mirror mirror = new MirrorFiles(dir, Clock.systemUTC()).open(sandbox.connectionSettings())) {
                MirrorSync.Result result = new MirrorSync(mirror, ContactPages.of(client), ReadGate.unlimited(),
                        Clock.systemUTC()).run(MirrorSync.Mode.FULL, p -> { }, () -> false);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "full sync: %,d contacts in %.1f s = %,.0f contacts/s; the sandbox's "
                        + "list walk alone: %,.0f contacts/s; sync/list = %.2f%n", result.mirrored(), seconds,
                        total / seconds, listRate, (total / seconds) / listRate);
                long bytes = size(mirror.file());
                System.out.printf(Locale.ROOT, "mirror on disk: %.1f MB = %.1f MB per 100,000 contacts%n",
                        bytes / 1e6, bytes / 1e6 * 100_000 / total);
                searches(mirror, total);
                likeScanBaseline(mirror.file());
                // The same searches by walking the API: every page, filtered in the client.
                long apiNanos = walk(client, "9810012");
                System.out.printf(Locale.ROOT, "the same search by walking the API: %.0f ms (any of the terms: a "
                        + "substring search the API cannot do needs every page)%n", apiNanos / 1e6);
            }
        }
    }

    private static void search(int total, Path file) throws Exception {
        long opening = System.nanoTime();
        try (Mirror mirror = new MirrorFiles(file.getParent(), Clock.systemUTC()).open(file)) {
            // A file from an older version is migrated here: at 1M, building the short-term index.
            System.out.printf(Locale.ROOT, "opened %s in %.1f s%n", file.getFileName(),
                    (System.nanoTime() - opening) / 1e9);
            if (mirror.size() == total) {
                searches(mirror, total);
                likeScanBaseline(file);
                heap(total);
                return;
            }
            long start = System.nanoTime();
            Random random = new Random(11);
            List<JsonObject> batch = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                batch.add(contact(i, random));
                if (batch.size() == 10_000) {
                    mirror.putJson(batch);
                    batch.clear();
                }
            }
            mirror.putJson(batch);
            mirror.checkpoint();
            System.out.printf(Locale.ROOT, "filled %,d contacts in %.1f s; on disk %.1f MB = %.1f MB per 100,000%n",
                    total, (System.nanoTime() - start) / 1e9, size(file) / 1e6, size(file) / 1e6 * 100_000 / total);
            searches(mirror, total);
            likeScanBaseline(file);
            heap(total);
        }
    }

    private static void heap(int total) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "heap in use with %,d mirrored, after the searches: %.1f MB%n", total,
                used / 1e6);
    }

    /** A search to time: how many first pages and counts to sample (a full scan gets fewer). */
    private record Case(String label, MirrorQuery query, int pages, int counts) {
    }

    private static void searches(Mirror mirror, int total) {
        List<Case> cases = List.of(new Case("number fragment", MirrorQuery.text("98100123"), SAMPLES, SAMPLES / 10),
                new Case("number, other format", MirrorQuery.text("+91 98100-1234"), SAMPLES, SAMPLES / 10),
                new Case("name", MirrorQuery.text("priya pat"), SAMPLES, SAMPLES / 10),
                new Case("tag", MirrorQuery.text("renewal"), SAMPLES, SAMPLES / 10),
                new Case("broad (every contact)", MirrorQuery.text("example"), SAMPLES, SAMPLES / 10),
                // Shorter than a trigram: a substring scan in mirror order.
                new Case("2 digits", MirrorQuery.text("98"), SAMPLES, SAMPLES / 10),
                new Case("1 digit", MirrorQuery.text("9"), SAMPLES, SAMPLES / 10),
                new Case("2 letters, rare", MirrorQuery.text("qz"), SAMPLES, SAMPLES / 10),
                new Case("1 letter, rare", MirrorQuery.text("q"), SAMPLES, SAMPLES / 10),
                new Case("tag chip + name", MirrorQuery.text("priya").withTag("renewal"), SAMPLES, SAMPLES / 10),
                new Case("2 digits sorted by company", MirrorQuery.text("98").sortedBy(MirrorSort.COMPANY, false), 10, 5));
        for (int round = 0; round < 2; round++) {
            for (Case c : cases) {
                long[] page = new long[c.pages()];
                long[] count = new long[c.counts()];
                long matches = 0;
                for (int i = 0; i < page.length; i++) {
                    long t = System.nanoTime();
                    mirror.search(c.query(), 0, 20);
                    page[i] = System.nanoTime() - t;
                }
                for (int i = 0; i < count.length; i++) {
                    // Counted afresh each time: the figure is the count itself, not the cache.
                    mirror.forgetCounts();
                    long t = System.nanoTime();
                    matches = mirror.count(c.query());
                    count[i] = System.nanoTime() - t;
                }
                long[] again = new long[c.counts()];
                for (int i = 0; i < again.length; i++) {
                    long t = System.nanoTime();
                    mirror.count(c.query());
                    again[i] = System.nanoTime() - t;
                }
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "search %-27s %-16s first page p50 %7.2f ms p99 %7.2f ms; "
                            + "count (%,d) p50 %6.1f ms p99 %6.1f ms; again (cached) p99 %5.2f ms%n", c.label(),
                            "'" + c.query().text() + "'", pct(page, 50), pct(page, 99), matches, pct(count, 50),
                            pct(count, 99), pct(again, 99));
                }
            }
        }
    }

    /**
     * The baseline for terms shorter than a trigram, in the same run: how the mirror answered them
     * before the short-term index, a LIKE over every searchable column in mirror order, on its own
     * connection to the same file.
     */
    private static void likeScanBaseline(Path file) throws SQLException {
        String where = " FROM contact WHERE number LIKE ?1 OR digits LIKE ?1 OR first_name LIKE ?1 OR last_name "
                + "LIKE ?1 OR company_name LIKE ?1 OR email LIKE ?1 OR tag LIKE ?1 OR custom_text LIKE ?1";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                PreparedStatement page = connection.prepareStatement("SELECT sid, number" + where
                        + " ORDER BY rowid LIMIT 20");
                PreparedStatement count = connection.prepareStatement("SELECT count(*)" + where)) {
            for (String term : new String[] {"98", "qz", "q"}) {
                long[] pages = new long[10];
                long[] counts = new long[5];
                long matches = 0;
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < pages.length; i++) {
                        page.setString(1, "%" + term + "%");
                        long t = System.nanoTime();
                        try (ResultSet rows = page.executeQuery()) {
                            while (rows.next()) {
                                rows.getString(2);
                            }
                        }
                        pages[i] = System.nanoTime() - t;
                    }
                    for (int i = 0; i < counts.length; i++) {
                        count.setString(1, "%" + term + "%");
                        long t = System.nanoTime();
                        try (ResultSet rows = count.executeQuery()) {
                            matches = rows.next() ? rows.getLong(1) : 0;
                        }
                        counts[i] = System.nanoTime() - t;
                    }
                }
                System.out.printf(Locale.ROOT, "before (LIKE scan) %-16s first page p50 %7.2f ms p99 %7.2f ms; "
                        + "count (%,d) p50 %6.1f ms p99 %6.1f ms%n", "'" + term + "'", pct(pages, 50), pct(pages, 99),
                        matches, pct(counts, 50), pct(counts, 99));
            }
            // The broad term's count in one piece, as before the split into two halves of the rowids.
            try (PreparedStatement whole = connection.prepareStatement(
                    "SELECT count(*) FROM contact_fts WHERE contact_fts MATCH '\"example\"'")) {
                long[] counts = new long[SAMPLES / 10];
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < counts.length; i++) {
                        long t = System.nanoTime();
                        try (ResultSet rows = whole.executeQuery()) {
                            rows.next();
                        }
                        counts[i] = System.nanoTime() - t;
                    }
                }
                System.out.printf(Locale.ROOT, "before (one piece)  'example'       count p50 %6.1f ms p99 %6.1f ms%n",
                        pct(counts, 50), pct(counts, 99));
            }
        }
    }

    private static long walk(ContactsClient client, String digits) {
        long start = System.nanoTime();
        int found = 0;
        ListQuery query = ListQuery.firstPage();
        while (true) {
            Page<JsonObject> page = client.listContactsJson(query);
            for (JsonObject contact : page.items()) {
                if (digits != null && contact.get("number").getAsString().contains(digits)) {
                    found++;
                }
            }
            if (!page.hasNext()) {
                break;
            }
            query = query.withOffset(page.nextOffset());
        }
        return found >= 0 ? System.nanoTime() - start : 0;
    }

    private static JsonObject contact(int i, Random random) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        JsonObject json = new JsonObject();
        json.addProperty("sid", String.format(Locale.ROOT, "%032x", i));
        json.addProperty("date_created", String.format(Locale.ROOT, "2026-01-01T00:00:%02d.%06dZ", i / 1_000_000 % 60,
                i % 1_000_000));
        json.addProperty("date_updated", "2026-01-02T00:00:00.000000Z");
        json.addProperty("account_sid", "bench");
        json.addProperty("number", String.format(Locale.ROOT, "+9198%08d", 10_000_000 + i));
        json.addProperty("first_name", first);
        json.addProperty("last_name", last);
        json.addProperty("company_name", last + " Traders " + (i % 500));
        json.addProperty("email", first.toLowerCase(Locale.ROOT).replace(' ', '.') + i + "@example.com");
        json.addProperty("tag", TAGS[i % TAGS.length]);
        json.add("custom_field", null);
        json.addProperty("uri", "/v2/accounts/bench/contacts/" + i);
        return json;
    }

    private static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long size(Path file) {
        long bytes = 0;
        for (String suffix : new String[] {"", "-wal"}) {
            Path part = file.resolveSibling(file.getFileName() + suffix);
            bytes += part.toFile().length();
        }
        return bytes;
    }
}
