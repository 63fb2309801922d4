package org.dialbook.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.dialbook.sandbox.SandboxAccount;

/**
 * {@code ImportBenchmark endtoend}: the CLI import of a clean 100,000-row file, as a user runs it (its
 * own JVM with the launcher's options, JVM start and report included), against the vendor page's
 * plain loop: Python {@code requests} posting pre-built 5000-contact bodies and parsing each answer,
 * and the same loop on Java's {@code HttpClient}; the CLI runs once as a user starts it and once with
 * {@code --in-flight 2}. Each run gets a fresh sandbox in its own JVM, in the same run; then again
 * with the sandbox answering after 50 ms. Not a test.
 */
final class EndToEndBench {
    /** The options the packaged launcher starts the app and the CLI with (pom.xml: jpackage.java.options, app.java.*). */
    static final String LAUNCHER_OPTIONS = System.getProperty("bench.launcher", "-XX:+UseSerialGC -Xmx256m -Xmn96m -XX:SurvivorRatio=2 -XX:TargetSurvivorRatio=90 "
            + "-XX:TieredStopAtLevel=1");

    private static final String PYTHON_LOOP = String.join("\n",
            "import base64, json, sys, time",
            "import requests",
            "url, key, token, path = sys.argv[1:5]",
            "bodies = [line.rstrip('\\n') for line in open(path, encoding='utf-8')]",
            "headers = {'Authorization': 'Basic ' + base64.b64encode((key + ':' + token).encode()).decode(),",
            "           'Content-Type': 'application/json'}",
            "start = time.perf_counter()",
            "created = 0",
            "for payload in bodies:",
            "    response = requests.request('POST', url, data=payload, headers=headers)",
            "    answer = json.loads(response.text)",
            "    if response.status_code != 207:",
            "        sys.exit('HTTP %d' % response.status_code)",
            "    created += sum(1 for item in answer['response'] if item['status'] == 'success')",
            "print('%.3f %d' % (time.perf_counter() - start, created))",
            "");

    private final Path dir;
    private final int rows;

    EndToEndBench(Path dir, int rows) {
        this.dir = dir;
        this.rows = rows;
    }

    /** Seconds of wall time, CPU seconds (user + system) and peak RSS of one run. */
    record Run(double seconds, double cpuSeconds, long peakRssKb, double sandboxCpuSeconds) {
        static final Run NONE = new Run(Double.NaN, Double.NaN, 0);

        Run(double seconds, double cpuSeconds, long peakRssKb) {
            this(seconds, cpuSeconds, peakRssKb, Double.NaN);
        }

        Run withSandboxCpu(double seconds) {
            return new Run(this.seconds, cpuSeconds, peakRssKb, seconds);
        }

        String cpuMicrosPerRow(int rows) {
            return Double.isNaN(cpuSeconds) ? "-" : String.format(Locale.ROOT, "%.0f", cpuSeconds * 1e6 / rows);
        }
    }

    void run() throws Exception {
        Path file = ImportBenchmark.generate(dir.resolve("endtoend.csv"), rows);
        Path bodies = Files.write(dir.resolve("bodies.jsonl"), bodies(), StandardCharsets.UTF_8);
        Path script = Files.writeString(dir.resolve("plain_loop.py"), PYTHON_LOOP, StandardCharsets.UTF_8);
        boolean python = hasPythonRequests();
        Path launcher = Path.of(System.getProperty("bench.packaged", "target/dist/Dialbook/bin/Dialbook"));
        Path packaged = Files.isExecutable(launcher) ? launcher : null;
        if (packaged != null) {
            // The image is whatever was last packaged: say when, so a stale one is noticed.
            System.out.printf(Locale.ROOT, "packaged launcher %s, built %s%n", packaged,
                    Files.getLastModifiedTime(packaged.getParent().resolveSibling("lib/app/Dialbook.cfg")));
        }
        System.out.printf(Locale.ROOT, "(2) end-to-end %,d rows, each run into a fresh sandbox in its own JVM; "
                + "CLI launched with %s%n", rows, LAUNCHER_OPTIONS);
        for (int latency : new int[] {0, 50}) {
            Run pythonRun = python ? inSandbox(latency, port -> pythonLoop(port, script, bodies)) : Run.NONE;
            Run javaRun = inSandbox(latency, port -> javaLoop(port, Files.readAllLines(bodies)));
            Run cli = inSandbox(latency, port -> cliImport(port, file, 1));
            Run two = inSandbox(latency, port -> cliImport(port, file, 2));
            Run shipped = packaged == null ? Run.NONE : inSandbox(latency, port -> packagedImport(port, file, packaged));
            System.out.printf(Locale.ROOT, "    sandbox latency %d ms: CLI import %.2f s (%,.0f rows/s, CPU %.2f s = "
                    + "%s us/row, peak RSS %d MB; sandbox CPU %.2f s) | Python requests loop %.2f s (CPU %.2f s, "
                    + "peak RSS %d MB; sandbox CPU %.2f s), ratio loop/import %.2f | Java HttpClient loop %.2f s "
                    + "(sandbox CPU %.2f s), ratio %.2f (target >= 1.0)%n",
                    latency, cli.seconds(), rows / cli.seconds(), cli.cpuSeconds(), cli.cpuMicrosPerRow(rows),
                    cli.peakRssKb() >> 10, cli.sandboxCpuSeconds(), pythonRun.seconds(), pythonRun.cpuSeconds(),
                    pythonRun.peakRssKb() >> 10, pythonRun.sandboxCpuSeconds(), pythonRun.seconds() / cli.seconds(),
                    javaRun.seconds(), javaRun.sandboxCpuSeconds(), javaRun.seconds() / cli.seconds());
            System.out.printf(Locale.ROOT, "        with --in-flight 2: %.2f s (CPU %.2f s = %s us/row, peak RSS %d MB; "
                    + "sandbox CPU %.2f s), ratio loop/import %.2f%n", two.seconds(), two.cpuSeconds(),
                    two.cpuMicrosPerRow(rows), two.peakRssKb() >> 10, two.sandboxCpuSeconds(),
                    pythonRun.seconds() / two.seconds());
            if (packaged != null) {
                System.out.printf(Locale.ROOT, "        packaged launcher (%s, its class-data archive): %.2f s (CPU %.2f s = "
                        + "%s us/row, peak RSS %d MB; sandbox CPU %.2f s), ratio loop/import %.2f (Java loop %.2f)%n",
                        packaged, shipped.seconds(), shipped.cpuSeconds(), shipped.cpuMicrosPerRow(rows),
                        shipped.peakRssKb() >> 10, shipped.sandboxCpuSeconds(), pythonRun.seconds() / shipped.seconds(),
                        javaRun.seconds() / shipped.seconds());
            }
        }
    }

    /** What the vendor's loop sends: one pre-built JSON body per 5000 contacts, one per line. */
    private List<String> bodies() throws Exception {
        List<String> out = new ArrayList<>();
        List<String> numbers = ImportBenchmark.numbers(rows);
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (int from = 0; from < rows; from += 5000) {
            JsonArray contacts = new JsonArray();
            for (int i = from; i < Math.min(rows, from + 5000); i++) {
                JsonObject contact = new JsonObject();
                contact.addProperty("number", util.format(util.parse(numbers.get(i), "IN"),
                        PhoneNumberUtil.PhoneNumberFormat.E164));
                contact.addProperty("first_name", "First" + i);
                contact.addProperty("last_name", "Last" + i);
                contact.addProperty("company_name", "Acme");
                contact.addProperty("email", "user" + i + "@example.com");
                JsonObject custom = new JsonObject();
                custom.addProperty("city", "Pune");
                contact.add("custom_field", custom);
                contacts.add(contact);
            }
            JsonObject body = new JsonObject();
            body.add("contacts", contacts);
            out.add(body.toString());
        }
        return out;
    }

    @FunctionalInterface
    private interface Job {
        Run run(int port) throws Exception;
    }

    private Run inSandbox(int latencyMs, Job job) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "org.dialbook.app.Dialbook", "sandbox", "--in-memory", "--port", Integer.toString(port)));
        if (latencyMs > 0) {
            command.add("--faults");
            command.add("latency=" + latencyMs + "ms");
        }
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sandbox-" + port + ".log").toFile()).start();
        try {
            ImportBenchmark.waitForServer(port);
            // The sandbox's own CPU while the job runs (its start left out): with two cores, the
            // server and the client share them, so this bounds how fast any client can go.
            double before = cpuSeconds(server);
            Run run = job.run(port);
            return run.withSandboxCpu(cpuSeconds(server) - before);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static double cpuSeconds(Process process) {
        return process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String contactsUrl(int port) {
        return "http://127.0.0.1:" + port + "/v2/accounts/" + SandboxAccount.DEFAULT.accountSid() + "/contacts";
    }

    private static boolean hasPythonRequests() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import requests").redirectErrorStream(true).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Run pythonLoop(int port, Path script, Path bodies) throws Exception {
        Timed timed = timed(List.of("python3", script.toString(), contactsUrl(port), SandboxAccount.DEFAULT.apiKey(),
                SandboxAccount.DEFAULT.apiToken(), bodies.toString()), null);
        String[] out = timed.output().strip().split(" ");
        if (Long.parseLong(out[1]) != rows) {
            throw new IllegalStateException("the Python loop created " + out[1] + ": " + timed.output());
        }
        // The loop's own clock: from the first request to the last answer, bodies already built.
        return new Run(Double.parseDouble(out[0]), timed.run().cpuSeconds(), timed.run().peakRssKb());
    }

    private Run javaLoop(int port, List<String> bodies) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(contactsUrl(port));
        String auth = "Basic " + Base64.getEncoder().encodeToString((SandboxAccount.DEFAULT.apiKey() + ":"
                + SandboxAccount.DEFAULT.apiToken()).getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 207) {
                throw new IllegalStateException("plain loop got HTTP " + response.statusCode());
            }
            com.google.gson.JsonParser.parseString(response.body());
        }
        return new Run((System.nanoTime() - start) / 1e9, Double.NaN, 0);
    }

    /**
     * The same import through the packaged app's launcher ({@code mvn -Ppackage package}), as an
     * installed user runs it: its JVM options and its class-data archive of the app's classes.
     */
    private Run packagedImport(int port, Path file, Path launcher) throws Exception {
        Path home = Files.createTempDirectory(dir, "packaged-home");
        Timed timed = timed(List.of(launcher.toString(), "import",
                file.toString(), "--duplicates", "create", "--country", "IN"), port, home);
        if (!timed.output().contains(rows + " created")) {
            throw new IllegalStateException("the packaged import did not create every row: " + timed.output());
        }
        return timed.run();
    }

    private Run cliImport(int port, Path file, int inFlight) throws Exception {
        Path home = Files.createTempDirectory(dir, "cli-home");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(LAUNCHER_OPTIONS.split(" ")));
        command.addAll(List.of("-Ddialbook.home=" + home, "-cp", appClassPath(),
                "org.dialbook.app.Dialbook", "import", file.toString(), "--duplicates", "create", "--country", "IN",
                "--in-flight", Integer.toString(inFlight)));
        Timed timed = timed(command, port);
        if (!timed.output().contains(rows + " created")) {
            throw new IllegalStateException("the CLI import did not create every row: " + timed.output());
        }
        return timed.run();
    }

    /**
     * The benchmark's class path without the test classes, as the packaged CLI has it: their
     * logback-test.xml would make the CLI read XML and log at INFO, which a user's CLI does not.
     */
    static String appClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!Path.of(entry).getFileName().toString().equals("test-classes")) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private record Timed(Run run, String output) {
    }

    /** Runs a command under /usr/bin/time: wall seconds, user + system CPU, peak RSS. */
    private Timed timed(List<String> command, Integer sandboxPort) throws Exception {
        return timed(command, sandboxPort, null);
    }

    private Timed timed(List<String> command, Integer sandboxPort, Path dialbookHome) throws Exception {
        Path times = Files.createTempFile(dir, "time", ".txt");
        Path output = Files.createTempFile(dir, "out", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
        if (sandboxPort != null) {
            builder.environment().put("EXOTEL_BASE_URL", "http://127.0.0.1:" + sandboxPort);
            builder.environment().put("EXOTEL_ACCOUNT_SID", SandboxAccount.DEFAULT.accountSid());
            builder.environment().put("EXOTEL_API_KEY", SandboxAccount.DEFAULT.apiKey());
            builder.environment().put("EXOTEL_API_TOKEN", SandboxAccount.DEFAULT.apiToken());
        }
        if (dialbookHome != null) {
            builder.environment().put("DIALBOOK_HOME", dialbookHome.toString());
        }
        Process process = builder.start();
        int exit = process.waitFor();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " exited " + exit + ": " + text);
        }
        String[] t = Files.readString(times).strip().split("\\s+");
        return new Timed(new Run(Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]),
                Long.parseLong(t[3])), text);
    }
}
