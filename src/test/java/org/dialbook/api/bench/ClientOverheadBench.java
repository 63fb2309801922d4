package org.dialbook.api.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;

/**
 * How much the client adds on top of plain HTTP, against the in-process sandbox: bulk create of
 * 12,001 contacts (3 requests) and streaming them back (601 pages), each timed against a baseline
 * of raw OkHttp calls with the same bodies in the same run. Not a test; run it by hand:
 *
 * <pre>{@code
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
 *     org.dialbook.api.bench.ClientOverheadBench
 * }</pre>
 */
public final class ClientOverheadBench {
    private static final int CONTACTS = 12_001;
    private static final int ROUNDS = 3;

    private ClientOverheadBench() {
    }

    public static void main(String[] args) throws IOException {
        for (int round = 1; round <= ROUNDS; round++) {
            // By hand: a benchmark main, not a JUnit test.
            try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build())) {
                long raw = rawCreate(sandbox);
                long rawList = rawList(sandbox);
                sandbox.close();
                try (SandboxServer fresh = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
                        ContactsClient client = ContactsClient.builder(fresh.connectionSettings())
                                .retryPolicy(RetryPolicy.none()).build()) {
                    long started = System.nanoTime();
                    BulkResult<Contact> result = client.createContacts(contacts());
                    long created = System.nanoTime() - started;
                    if (!result.allSucceeded()) {
                        throw new IllegalStateException(result.failures().size() + " items failed");
                    }
                    started = System.nanoTime();
                    long count = client.streamContacts(ListQuery.firstPage()).count();
                    long listed = System.nanoTime() - started;
                    System.out.printf("round %d: create %,d  raw %d ms, client %d ms, ratio %.2f | list %,d  raw %d ms,"
                            + " client %d ms, ratio %.2f%n", round, CONTACTS, raw / 1_000_000, created / 1_000_000,
                            (double) created / raw, count, rawList / 1_000_000, listed / 1_000_000,
                            (double) listed / rawList);
                }
            }
        }
    }

    private static List<NewContact> contacts() {
        List<NewContact> contacts = new ArrayList<>(CONTACTS);
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(NewContact.builder(String.format("+9191%08d", i)).firstName("Name" + i).tag("bench").build());
        }
        return contacts;
    }

    private static OkHttpClient raw(SandboxServer sandbox) {
        String credentials = okhttp3.Credentials.basic(sandbox.defaultAccount().apiKey(),
                sandbox.defaultAccount().apiToken());
        return new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().header("Authorization", credentials).build())).build();
    }

    private static long rawCreate(SandboxServer sandbox) throws IOException {
        OkHttpClient http = raw(sandbox);
        String url = sandbox.connectionSettings().contactsUrl();
        long started = System.nanoTime();
        for (int from = 0; from < CONTACTS; from += ContactsClient.MAX_BATCH_SIZE) {
            JsonArray items = new JsonArray();
            for (int i = from; i < Math.min(CONTACTS, from + ContactsClient.MAX_BATCH_SIZE); i++) {
                JsonObject item = new JsonObject();
                item.addProperty("number", String.format("+9191%08d", i));
                item.addProperty("first_name", "Name" + i);
                item.addProperty("tag", "bench");
                items.add(item);
            }
            JsonObject body = new JsonObject();
            body.add("contacts", items);
            Request request = new Request.Builder().url(url)
                    .post(RequestBody.create(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            MediaType.get("application/json"))).build();
            try (Response response = http.newCall(request).execute()) {
                response.body().string();
            }
        }
        return System.nanoTime() - started;
    }

    private static long rawList(SandboxServer sandbox) throws IOException {
        OkHttpClient http = raw(sandbox);
        String url = sandbox.connectionSettings().contactsUrl();
        long started = System.nanoTime();
        for (int offset = 0; offset < CONTACTS; offset += 20) {
            try (Response response = http.newCall(new Request.Builder().url(url + "?offset=" + offset + "&limit=20")
                    .build()).execute()) {
                response.body().string();
            }
        }
        return System.nanoTime() - started;
    }
}
