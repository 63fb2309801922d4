package org.dialbook.sandbox.bench;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;

/**
 * Measures the sandbox on loopback, as a client sees it (not a test: numbers depend on the machine).
 *
 * <ul>
 *   <li>ingest: 100,000 contacts in 5000-item POSTs into an on-disk store, contacts per second;
 *   <li>list latency p50/p99 with 100,000 stored: first page by creation, by name, filtered by name;
 *   <li>the deep page (offset 99,980) against the first page, as a ratio (target within 2x).
 *   <li>a name filter right after a write, which the filter cache cannot answer.
 * </ul>
 *
 * <p>Run: {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.dialbook.sandbox.bench.SandboxBenchmark}. Optional argument: the number of
 * contacts (default 100000).
 */
public final class SandboxBenchmark {
    private static final int BATCH = 5000;
    private static final int SAMPLES = 2000;
    private static final String[] FIRST = {"Aarav", "Priya", "Rohan", "Ananya", "Wei Ling", "Jun Jie", "Siti", "Ravi",
        "Meera", "Karthik", "Divya", "Hui Min", "Farah", "Arjun", "Sneha", "Vikram"};
    private static final String[] LAST = {"Sharma", "Patel", "Iyer", "Tan", "Lim", "Nair", "Reddy", "Ng", "Khan",
        "Menon", "Goh", "Rao", "Pillai", "Ong", "Das", "Verma"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private URI contacts;
    private String authorization;

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        new SandboxBenchmark().run(total);
    }

    private void run(int total) throws Exception {
        System.out.printf("Sandbox benchmark: %d contacts, %d-item POSTs, %d samples per list case; %d CPUs, %s%n",
                total, BATCH, SAMPLES, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<String> bodies = bodies(total, 1);
        List<String> warmBodies = bodies(Math.min(total, 20_000), 2);

        // By hand: a benchmark main, not a JUnit test.
        try (SandboxServer warm = SandboxServer.start(SandboxOptions.builder().inMemory().build())) {
            connect(warm);
            ingest(warmBodies);
            for (int i = 0; i < 3; i++) {
                latencies("?offset=0&limit=20", SAMPLES / 2);
                latencies("?sort_by=name:asc&name=pri", SAMPLES / 2);
                latencies("?sort_by=name:desc&offset=" + (warmBodies.size() * BATCH - 20), SAMPLES / 2);
            }
        }

        Path dir = Files.createTempDirectory("sandbox-bench");
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().dataDir(dir).build())) {
            connect(sandbox);
            long cpuBefore = processCpuNanos();
            double seconds = ingest(bodies);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            System.out.printf("ingest (on-disk H2): %,d contacts in %.2f s = %,.0f contacts/s (target >= 30,000)%n",
                    total, seconds, total / seconds);
            System.out.printf("  process CPU (client + server) %.2f s = %,.0f contacts per CPU-second; load average"
                    + " %.1f on %d CPUs (others' load slows the wall clock, not the CPU figure)%n", cpuSeconds,
                    total / cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            int deep = Math.max(0, total - 20);
            double[] first = report("first page, date_created:asc", latencies("?offset=0&limit=20", SAMPLES), null);
            report("first page, name:asc", latencies("?sort_by=name:asc&limit=20", SAMPLES), first);
            report("name filter 'pri', name:asc", latencies("?sort_by=name:asc&name=pri", SAMPLES), first);
            report("name filter 'sharma', date desc, offset 200",
                    latencies("?sort_by=date_created:desc&name=sharma&offset=200", SAMPLES), first);
            String someSid = firstSid();
            report("name filter 'pri', name:asc, after a write", latenciesAfterWrite("?sort_by=name:asc&name=pri",
                    someSid, SAMPLES / 4), first);
            report("offset " + deep + ", date_created:asc", latencies("?offset=" + deep + "&limit=20", SAMPLES), first);
            report("offset " + deep + ", name:asc", latencies("?sort_by=name:asc&offset=" + deep, SAMPLES), first);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void connect(SandboxServer sandbox) {
        SandboxAccount account = sandbox.defaultAccount();
        contacts = URI.create(sandbox.baseUrl() + "/v2/accounts/" + account.accountSid() + "/contacts");
        authorization = "Basic " + Base64.getEncoder().encodeToString(
                (account.apiKey() + ":" + account.apiToken()).getBytes(StandardCharsets.UTF_8));
    }

    /** Request bodies of {@value #BATCH} contacts each, built before timing starts. */
    private static List<String> bodies(int total, long seed) {
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < total; from += BATCH) {
            StringBuilder body = new StringBuilder("{\"contacts\":[");
            for (int i = from; i < Math.min(total, from + BATCH); i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String number = validNumber(random);
                body.append(i == from ? "" : ",").append("{\"number\":\"").append(number)
                        .append("\",\"first_name\":\"").append(first).append("\",\"last_name\":\"").append(last)
                        .append("\",\"company_name\":\"Acme\",\"email\":\"c").append(i)
                        .append("@example.in\",\"tag\":\"Lead\",\"custom_field\":{\"seq\":").append(i).append("}}");
            }
            bodies.add(body.append("]}").toString());
        }
        return bodies;
    }

    private static String validNumber(Random random) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        while (true) {
            String number = random.nextBoolean()
                    ? String.format("+9198%08d", random.nextInt(100_000_000))
                    : String.format("+659%07d", random.nextInt(10_000_000));
            try {
                if (util.isValidNumber(util.parse(number, null))) {
                    return number;
                }
            } catch (NumberParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private double ingest(List<String> bodies) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(contacts)
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 207 || !response.body().contains("\"failed\":0,")) {
                throw new IllegalStateException("Ingest failed: " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(400, response.body().length())));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private double[] latencies(String query, int samples) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(contacts + query))
                .header("Authorization", authorization).GET().build();
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("List failed: " + response.statusCode() + " " + response.body());
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private String firstSid() throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(URI.create(contacts + "?limit=1"))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        int at = body.indexOf("\"sid\":\"") + 7;
        return body.substring(at, at + 32);
    }

    /** Each sample follows an untimed update, so no list answer can come from the filter cache. */
    private double[] latenciesAfterWrite(String query, String sid, int samples)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(contacts + query))
                .header("Authorization", authorization).GET().build();
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(contacts + "/" + sid))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"tag\":\"t" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (write.statusCode() != 200) {
                throw new IllegalStateException("Update failed: " + write.statusCode() + " " + write.body());
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("List failed: " + response.statusCode() + " " + response.body());
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double[] report(String label, double[] sorted, double[] baseline) {
        double p50 = percentile(sorted, 0.50);
        double p99 = percentile(sorted, 0.99);
        String ratio = baseline == null ? "(baseline)"
                : String.format("p50 %.2fx, p99 %.2fx of baseline", p50 / percentile(baseline, 0.50),
                        p99 / percentile(baseline, 0.99));
        System.out.printf("list %-45s p50 %6.2f ms  p99 %6.2f ms  %s%n", label, p50, p99, ratio);
        return sorted;
    }

    private static double percentile(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
