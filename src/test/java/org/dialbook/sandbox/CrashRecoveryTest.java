package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 after answered creates loses none of them: each answered batch was committed to disk. */
class CrashRecoveryTest {

    /** The child process: a sandbox on the given folder that prints its port and waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        // By hand: this sandbox runs in a child process that the test kills.
        SandboxServer server = SandboxServer.start(SandboxOptions.builder().dataDir(Path.of(args[0])).build());
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    @TempDir
    Path dir;

    @Test
    void answeredBatchesSurviveAKill() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashRecoveryTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("PORT ")) {
                line = out.readLine();
            }
            assertThat(line).as("the child sandbox started").isNotNull();
            RawHttp http = new RawHttp(URI.create("http://127.0.0.1:" + line.substring(5)), "sandbox",
                    RawHttp.basic("sandbox-key", "sandbox-token"));
            for (int batch = 0; batch < 3; batch++) {
                StringBuilder body = new StringBuilder("{\"contacts\":[");
                for (int i = 0; i < 500; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"number\":\"+91910")
                            .append(String.format("%07d", batch * 1000 + i)).append("\"}");
                }
                RawHttp.Reply reply = http.post(http.contacts(), body.append("]}").toString());
                assertThat(reply.metadata().get("success").getAsInt()).isEqualTo(500);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (SandboxServer reopened = SandboxServer.start(SandboxOptions.builder().dataDir(dir).build())) {
            assertThat(reopened.contactCount("sandbox")).isEqualTo(1500);
            RawHttp http = new RawHttp(reopened);
            assertThat(http.get(http.contacts() + "?offset=1499").items()).hasSize(1);
        }
    }
}
