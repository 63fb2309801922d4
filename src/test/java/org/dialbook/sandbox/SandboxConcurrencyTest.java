package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Eight clients at once, mixing every write with lists, leave a store that agrees with all of them. */
class SandboxConcurrencyTest {
    private static final int CLIENTS = 8;
    private static final int ROUNDS = 25;

    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory();

    @Test
    void mixedConcurrentClientsEndConsistent() throws Exception {
        SandboxServer sandbox = fixture.server();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Map<String, String>>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                results.add(pool.submit(client(new RawHttp(sandbox), c)));
            }
            Map<String, String> expected = new HashMap<>();
            for (Future<Map<String, String>> result : results) {
                expected.putAll(result.get());
            }

            RawHttp http = new RawHttp(sandbox);
            assertThat(sandbox.contactCount("sandbox")).isEqualTo(expected.size());
            Map<String, String> seen = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int offset = 0; ; offset += 20) {
                RawHttp.Reply page = http.get(http.contacts() + "?sort_by=name:asc&offset=" + offset);
                assertThat(page.metadata().get("total").getAsInt()).isEqualTo(expected.size());
                page.items().forEach(item -> {
                    JsonObject data = item.getAsJsonObject().getAsJsonObject("data");
                    assertThat(seen.put(data.get("sid").getAsString(), data.get("first_name").getAsString()))
                            .as("each contact once").isNull();
                    names.add(data.get("first_name").getAsString());
                });
                if (page.items().size() < 20) {
                    break;
                }
            }
            assertThat(seen).isEqualTo(expected);
            assertThat(names).isSorted();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client's run; returns what it believes it left behind (sid -> first name). */
    private static Callable<Map<String, String>> client(RawHttp http, int id) {
        return () -> {
            Random random = new Random(id);
            Map<String, String> mine = new HashMap<>();
            List<String> sids = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                StringBuilder body = new StringBuilder("{\"contacts\":[");
                for (int i = 0; i < 4; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"number\":\"+91910123").append(String.format("%04d",
                            id * 100 + i)).append("\",\"first_name\":\"c").append(id).append("-r").append(round)
                            .append("-").append(i).append("\"}");
                }
                RawHttp.Reply created = http.post(http.contacts(), body.append("]}").toString());
                assertThat(created.status()).isEqualTo(207);
                created.items().forEach(item -> {
                    JsonObject data = item.getAsJsonObject().getAsJsonObject("data");
                    mine.put(data.get("sid").getAsString(), data.get("first_name").getAsString());
                    sids.add(data.get("sid").getAsString());
                });
                String renamed = sids.get(random.nextInt(sids.size()));
                String newName = "c" + id + "-renamed-" + round;
                if (random.nextBoolean()) {
                    assertThat(http.put(http.contacts() + "/" + renamed, "{\"first_name\":\"" + newName + "\"}")
                            .status()).isEqualTo(200);
                } else {
                    RawHttp.Reply bulk = http.put(http.contacts(), "{\"contacts\":[{\"sid\":\"" + renamed
                            + "\",\"first_name\":\"" + newName + "\"}]}");
                    assertThat(bulk.item(0).get("code").getAsInt()).isEqualTo(200);
                }
                mine.put(renamed, newName);
                String doomed = sids.remove(random.nextInt(sids.size()));
                assertThat(http.delete(http.contacts() + "/" + doomed).status()).isEqualTo(200);
                mine.remove(doomed);
                RawHttp.Reply page = http.get(http.contacts() + "?name=c" + id + "-&offset=0");
                assertThat(page.status()).isEqualTo(200);
                Set<String> listed = new HashSet<>(SandboxCallsTest.sidsOf(page.items()));
                assertThat(page.metadata().get("total").getAsInt()).as("only this client writes c%d- names", id)
                        .isEqualTo(mine.size());
                assertThat(mine.keySet()).containsAll(listed);
            }
            return mine;
        };
    }
}
