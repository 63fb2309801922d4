package org.dialbook.importer;

import com.google.gson.Gson;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.jobs.CancelToken;
import org.dialbook.sandbox.SandboxAccount;

/**
 * Import speed and memory, measured against baselines in the same run (not a test). Run with
 * {@code mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-Xmx256m -cp %classpath org.dialbook.importer.ImportBenchmark all"}; the argument is
 * {@code validation}, {@code endtoend} ({@link EndToEndBench}), {@code million} or {@code all}.
 * Figures are in the README.
 */
public final class ImportBenchmark {
    private static final Gson GSON = new Gson();

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        Path dir = Files.createTempDirectory("dialbook-bench");
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (what.equals("all") || what.equals("validation")) {
            validation(dir);
        }
        if (what.equals("all") || what.equals("endtoend")) {
            endToEnd(dir);
        }
        if (what.equals("all") || what.equals("million")) {
            million(dir);
        }
        if (what.equals("all") || what.equals("paced")) {
            PacedBenchmark.run(dir);
        }
    }

    /** Indian mobiles in the ways people write them; every row valid and distinct. */
    static Path generate(Path file, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Phone Number,First Name,Last Name,Company,Email,City\n");
            for (int i = 0; i < rows; i++) {
                String digits = Long.toString(9_000_000_000L + i * 7L);
                String number = i % 3 == 0 ? "+91 " + digits : i % 3 == 1 ? digits : "0" + digits;
                out.write(number + ",First" + i + ",Last" + i + ",Acme,user" + i + "@example.com,Pune\n");
            }
        }
        return file;
    }

    static List<String> numbers(int rows) {
        List<String> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String digits = Long.toString(9_000_000_000L + i * 7L);
            out.add(i % 3 == 0 ? "+91 " + digits : i % 3 == 1 ? digits : "0" + digits);
        }
        return out;
    }

    private static ImportPlan plan(Path file) throws IOException {
        CsvInspection inspection = CsvInspector.inspect(file);
        return ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withCheckExisting(false));
    }

    static void validation(Path dir) throws Exception {
        int rows = 300_000;
        Path file = generate(dir.resolve("validation.csv"), rows);
        List<String> numbers = numbers(rows);
        double pipeline = 0;
        double alone = 0;
        for (int round = 0; round < 3; round++) {
            alone = Math.max(alone, libphonenumberAlone(numbers));
            pipeline = Math.max(pipeline, pipelineRate(file));
        }
        System.out.printf(Locale.ROOT, "(1) validation: pipeline (read+map+normalise+dedupe+serialise) %,.0f rows/s; "
                + "libphonenumber alone (parse+isValid+E164, 1 thread) %,.0f rows/s; ratio %.2f (target >= 0.8)%n",
                pipeline, alone, pipeline / alone);
    }

    private static double libphonenumberAlone(List<String> numbers) throws NumberParseException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        long start = System.nanoTime();
        long valid = 0;
        for (String number : numbers) {
            PhoneNumber parsed = util.parse(number, "IN");
            if (util.isValidNumber(parsed)) {
                valid += util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).length();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (valid == 0) {
            throw new IllegalStateException("no valid numbers");
        }
        return numbers.size() / seconds;
    }

    private static double pipelineRate(Path file) throws Exception {
        ImportPlan plan = plan(file);
        long[] bytes = {0};
        RowSink serialising = new RowSink() {
            @Override
            public void invalid(ValidatedRow row) {
                bytes[0]++;
            }

            @Override
            public void skipped(ValidatedRow row, String reason) {
                bytes[0]++;
            }

            @Override
            public void create(ValidatedRow row) {
                bytes[0] += GSON.toJson(row.contact()).length();
            }

            @Override
            public void update(ValidatedRow row, String sid) {
                bytes[0]++;
            }
        };
        long start = System.nanoTime();
        long rows = ValidationPipeline.forThisMachine().run(plan, new DuplicateFilter(DuplicatePolicy.SKIP,
                ExistingNumbers.none()), serialising, (read, read2) -> { }, CancelToken.none());
        double seconds = (System.nanoTime() - start) / 1e9;
        return rows / seconds;
    }

    static void endToEnd(Path dir) throws Exception {
        new EndToEndBench(dir, Integer.getInteger("bench.rows", 100_000)).run();
    }

    /**
     * The sandbox runs in its own JVM (it keeps its own indexes in memory), so the heap measured here
     * is the import's alone: reading, validating, the journal, the client.
     */
    static void million(Path dir) throws Exception {
        int rows = 1_000_000;
        Path file = generate(dir.resolve("million.csv"), rows);
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.dialbook.app.Dialbook", "sandbox",
                "--port", Integer.toString(port), "--data", Files.createTempDirectory(dir, "sandbox").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sandbox.log").toFile()).start();
        try {
            org.dialbook.api.ConnectionSettings settings = org.dialbook.api.ConnectionSettings.forBaseUrl(
                    "http://127.0.0.1:" + port, SandboxAccount.DEFAULT.accountSid(), SandboxAccount.DEFAULT.apiKey(),
                    SandboxAccount.DEFAULT.apiToken());
            waitForServer(port);
            System.gc();
            // Sampled total heap in use: the sum of per-pool peaks would add peaks from different moments.
            java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.ScheduledExecutorService sampler =
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            try (ContactsClient client = ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build()) {
                ImportRunner runner = new ImportRunner(client, Files.createTempDirectory(dir, "imports"));
                long start = System.nanoTime();
                ImportResult result = runner.start(plan(file), 0, ImportListener.none(), CancelToken.none());
                double seconds = (System.nanoTime() - start) / 1e9;
                sampler.shutdownNow();
                System.out.printf(Locale.ROOT, "(3) %,d-row import (sandbox in a separate JVM, H2 on disk): %s in "
                        + "%.1f s (%,.0f rows/s); max heap %d MB, peak heap in use %d MB (sampled every 20 ms)%n",
                        rows, result.summary().oneLine(), seconds, rows / seconds,
                        Runtime.getRuntime().maxMemory() >> 20, peak.get() >> 20);
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    static void waitForServer(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the sandbox did not start on port " + port);
    }
}
