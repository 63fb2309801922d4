package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end against a server speaking the contract's wire format. */
class ContactsCommandTest {
    private static final String PATH = "/v2/accounts/exotel8u3/contacts";
    private static final String TOKEN = "tok-cli-SECRET";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private Map<String, String> env;

    @BeforeEach
    void setUp() {
        env = CliRun.env(server.url("/").toString(), "exotel8u3", "cli-key", TOKEN);
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = ContactsCommandTest.class.getResourceAsStream("/org/dialbook/api/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static JsonElement body(RecordedRequest request) {
        return JsonParser.parseString(request.getBody().utf8());
    }

    @Test
    void listPrintsATableWithAPageFooter() throws Exception {
        server.enqueue(json(200, seed("list-200.json")));

        CliRun run = CliRun.contacts(env, "list", "--limit", "20", "--name", "cap", "--sort-by", "name:desc");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo(PATH + "?offset=0&limit=20&name=cap&sort_by=name:desc");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString(("cli-key:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(8);
        assertThat(lines[0]).startsWith("sid").contains("number", "first_name", "last_name", "company_name");
        assertThat(lines[1]).isEqualTo("45f64a6de96e4d50b1e7ccc00d52cb08  +919645122021");
        assertThat(lines[7]).isEqualTo("Contacts 1-6 of 6.");
    }

    @Test
    void listAsJsonPrintsTheDataObjectsExactlyAsReturned() throws Exception {
        server.enqueue(json(200, seed("list-200.json")));

        CliRun run = CliRun.contacts(env, "list", "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonArray expected = new JsonArray();
        JsonParser.parseString(seed("list-200.json")).getAsJsonObject().getAsJsonArray("response")
                .forEach(item -> expected.add(item.getAsJsonObject().get("data")));
        assertThat(JsonParser.parseString(run.out())).isEqualTo(expected);
    }

    @Test
    void listAsCsvQuotesWhatNeedsQuoting() throws Exception {
        server.enqueue(json(200, seed("create-207.json").replace("\"method\": \"POST\"", "\"method\": \"GET\"")
                .replace("\"http_code\": 207", "\"http_code\": 200").replace("\"company_name\": \"Exotel\"",
                        "\"company_name\": \"Exotel, \\\"Inc\\\"\"")));

        CliRun run = CliRun.contacts(env, "list", "--format", "csv");

        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\r\n");
        assertThat(lines[0]).isEqualTo("sid,number,first_name,last_name,company_name,email,tag,custom_field,"
                + "date_created,date_updated");
        assertThat(lines[1]).isEqualTo("4440b6e1a85f489b87d76d8779956caf,+919101234511,captain,exotel,"
                + "\"Exotel, \"\"Inc\"\"\",captain@email.com,API,\"{\"\"key\"\":{\"\"key1\"\":\"\"values1\"\"}}\","
                + "2021-05-23T13:51:30.15101622+05:30,2021-05-23T13:51:30.15101622+05:30");
    }

    @Test
    void listAllWalksEveryPage() throws Exception {
        for (int offset = 0; offset < 25; offset += 20) {
            JsonArray items = new JsonArray();
            for (int i = offset; i < Math.min(25, offset + 20); i++) {
                JsonObject data = new JsonObject();
                data.addProperty("sid", String.format("%032d", i));
                data.addProperty("number", String.format("+9191000000%02d", i));
                JsonObject item = new JsonObject();
                item.addProperty("code", 200);
                item.addProperty("status", "success");
                item.add("data", data);
                items.add(item);
            }
            JsonObject envelope = new JsonObject();
            envelope.addProperty("http_code", 200);
            JsonObject metadata = new JsonObject();
            metadata.addProperty("offset", offset);
            metadata.addProperty("limit", 20);
            metadata.addProperty("total", 25);
            metadata.addProperty("count", items.size());
            envelope.add("metadata", metadata);
            envelope.add("response", items);
            server.enqueue(json(200, envelope.toString()));
        }

        CliRun run = CliRun.contacts(env, "list", "--all", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(JsonParser.parseString(run.out()).getAsJsonArray()).hasSize(25);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aLimitOverTwentyIsAUsageErrorBeforeAnyRequest() {
        CliRun run = CliRun.contacts(env, "list", "--limit", "50");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("--limit must be between 1 and 20, got 50");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void getPrintsEveryField() throws Exception {
        server.enqueue(json(200, seed("get-200.json")));

        CliRun run = CliRun.contacts(env, "get", "83ba26b7f11c4e75b4043c8b33ceba49");

        assertThat(run.exitCode()).isZero();
        assertThat(server.takeRequest().getTarget()).isEqualTo(PATH + "/83ba26b7f11c4e75b4043c8b33ceba49");
        assertThat(run.out()).contains("sid:          83ba26b7f11c4e75b4043c8b33ceba49",
                "number:       +919101234510", "first_name:   captain", "custom_field: {\"key\":{\"key1\":\"values1\"}}",
                "date_created: 2021-05-23T08:21:30Z");
    }

    @Test
    void getOfAMissingContactPrintsOneLineAndExitsOne() {
        server.enqueue(json(404, "{\"request_id\":\"r1\",\"method\":\"GET\",\"http_code\":404,\"response\":{\"code\":404,"
                + "\"status\":\"failure\",\"error_data\":{\"code\":1000,\"message\":\"Not Found\","
                + "\"description\":\"Contact not found\"},\"data\":null}}"));

        CliRun run = CliRun.contacts(env, "get", "nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: 404 / 1000 Not Found: Contact not found [request_id r1]"
                + System.lineSeparator());
    }

    @Test
    void createSendsEveryOptionAndPrintsTheNewContact() throws Exception {
        server.enqueue(json(207, seed("create-207.json").replace("+919101234511", "+919100000001")));
        // The outcome is unknown, so the command checks the newest contacts: none has the number.
        server.enqueue(json(200, "{\"request_id\":\"0123456789abcdef0123456789abcdef\",\"method\":\"GET\","
                + "\"http_code\":200,\"metadata\":{\"count\":0,\"offset\":0,\"limit\":20,\"total\":0},"
                + "\"response\":[]}"));

        CliRun run = CliRun.contacts(env, "create", "--number", "+919100000001", "--first-name", "captain",
                "--last-name", "exotel", "--company", "Exotel", "--email", "captain@email.com", "--tag", "API",
                "--custom", "{\"key\":{\"key1\":\"values1\"}}");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(body(request)).isEqualTo(JsonParser.parseString("{\"contacts\":[{\"number\":\"+919100000001\","
                + "\"first_name\":\"captain\",\"last_name\":\"exotel\",\"company_name\":\"Exotel\","
                + "\"email\":\"captain@email.com\",\"tag\":\"API\",\"custom_field\":{\"key\":{\"key1\":\"values1\"}}}]}"));
        // The seed answers two items for one sent, so the client cannot match them up.
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Outcome unknown (The server answered 2 results for 1 items sent")
                .contains("Not created: the account has no contact with +919100000001");
        RecordedRequest check = server.takeRequest();
        assertThat(check.getMethod()).isEqualTo("GET");
        assertThat(check.getUrl().queryParameter("sort_by")).isEqualTo("date_created:desc");
    }

    @Test
    void createPrintsTheCreatedContact() {
        server.enqueue(json(207, "{\"http_code\":207,\"response\":[{\"code\":200,\"status\":\"success\",\"data\":"
                + "{\"sid\":\"abc\",\"number\":\"+919100000001\",\"first_name\":\"Asha\"}}]}"));

        CliRun run = CliRun.contacts(env, "create", "--number", "+919100000001", "--first-name", "Asha");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("Created abc  +919100000001  Asha");
    }

    @Test
    void aRejectedCreatePrintsTheCode() {
        server.enqueue(json(207, "{\"http_code\":207,\"response\":[{\"code\":400,\"status\":\"failure\",\"data\":null,"
                + "\"error_data\":{\"code\":1002,\"message\":\"Invalid parameter\",\"description\":\"bad number\"}}]}"));

        CliRun run = CliRun.contacts(env, "create", "--number", "+919100000001");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("Not created: 400 / 1002 Invalid parameter: bad number");
    }

    @Test
    void badCustomJsonIsAUsageError() {
        CliRun run = CliRun.contacts(env, "create", "--number", "+919100000001", "--custom", "{oops");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--custom is not valid JSON: ");
        assertThat(run.err().strip()).doesNotContain("\n", "at com.google");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void updateSendsOnlyTheFieldsSetAndAnEmptyValueClears() throws Exception {
        server.enqueue(json(200, seed("update-200.json")));

        CliRun run = CliRun.contacts(env, "update", "83ba26b7f11c4e75b4043c8b33ceba49", "--set", "first_name=captain2.0",
                "--set", "email=", "--set", "custom={\"a\":[1]}");

        assertThat(run.exitCode()).isZero();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo(PATH + "/83ba26b7f11c4e75b4043c8b33ceba49");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(body(request)).isEqualTo(JsonParser.parseString(
                "{\"first_name\":\"captain2.0\",\"email\":null,\"custom_field\":{\"a\":[1]}}"));
        assertThat(run.out().strip()).isEqualTo("Updated 83ba26b7f11c4e75b4043c8b33ceba49  +919101234510  captain2.0 exotel");
    }

    @Test
    void anUnknownFieldIsNamed() {
        CliRun run = CliRun.contacts(env, "update", "s", "--set", "nickname=Bo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("Unknown field 'nickname' in --set; use one of number, first_name, "
                + "last_name, company_name, email, tag, custom_field");
    }

    @Test
    void deleteReportsEachSidAndFailsIfAnyFailed() throws Exception {
        server.enqueue(json(200, seed("delete-200.json")));
        server.enqueue(json(404, "{\"http_code\":404,\"response\":{\"code\":404,\"status\":\"failure\","
                + "\"error_data\":{\"code\":1000,\"message\":\"Not Found\",\"description\":\"Contact not found\"}}}"));

        CliRun run = CliRun.contacts(env, "delete", "4440b6e1a85f489b87d76d8779956caf", "gone");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
        assertThat(server.takeRequest().getTarget()).isEqualTo(PATH + "/gone");
        assertThat(run.out().strip()).isEqualTo("Deleted 4440b6e1a85f489b87d76d8779956caf  +919101234511  captain exotel");
        assertThat(run.err()).contains("Not deleted gone: 404 / 1000 Not Found: Contact not found", "1 of 2 not deleted");
    }

    @Test
    void bulkUpdatePrintsEachFailedItemWithItsCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("updates.json");
        Files.writeString(file, "{\"contacts\":[{\"sid\":\"83ba26b7f11c4e75b4043c8b33ceba49\",\"first_name\":\"XYZ\"},"
                + "{\"sid\":\"93ba26b7f11c4e75b4043c8b33ceba59\",\"first_name\":\"ABC\"},"
                + "{\"sid\":\"73ba26b7f11c4e75b4043c8b33ceba69\",\"custom\":{\"a\":1}}]}");
        server.enqueue(json(207, seed("bulk-update-207.json")));

        CliRun run = CliRun.contacts(env, "bulk-update", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo(PATH);
        assertThat(body(request)).isEqualTo(JsonParser.parseString("{\"contacts\":["
                + "{\"sid\":\"83ba26b7f11c4e75b4043c8b33ceba49\",\"first_name\":\"XYZ\"},"
                + "{\"sid\":\"93ba26b7f11c4e75b4043c8b33ceba59\",\"first_name\":\"ABC\"},"
                + "{\"sid\":\"73ba26b7f11c4e75b4043c8b33ceba69\",\"custom_field\":{\"a\":1}}]}"));
        assertThat(run.err()).contains(
                "item 2 (sid 93ba26b7f11c4e75b4043c8b33ceba59): 404 / 1000 Not Found: Contact not found",
                "item 3 (sid 73ba26b7f11c4e75b4043c8b33ceba69): 404 / 1000 Not Found: Contact not found");
        assertThat(run.out().strip()).isEqualTo("Updated 1 of 3 contacts; 2 failed.");
    }

    @Test
    void aBulkFileItemWithoutSidIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("updates.json");
        Files.writeString(file, "[{\"sid\":\"a\",\"tag\":\"x\"},{\"tag\":\"y\"}]");

        CliRun run = CliRun.contacts(env, "bulk-update", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(file + " item 2 has no \"sid\"");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingVariableIsNamedOnOneLine() {
        CliRun run = CliRun.contacts(Map.of(EnvConnection.API_KEY, "k", EnvConnection.ACCOUNT_SID, "a"), "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("EXOTEL_API_TOKEN is not set; export it, e.g. export EXOTEL_API_TOKEN=..."
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badCredentialsExitOneWithoutEchoingTheToken() {
        server.enqueue(json(401, "{\"http_code\":401,\"response\":{\"code\":401,\"status\":\"failure\","
                + "\"error_data\":{\"code\":1010,\"message\":\"Unauthorized\",\"description\":\"Authentication failed\"}}}"));

        CliRun run = CliRun.contacts(env, "list");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: 401 / 1010 Unauthorized: Authentication failed (check the API key");
        assertThat(run.err() + run.out()).doesNotContain(TOKEN);
    }

    @Test
    void theContactsCommandIsRegisteredOnDialbook() {
        assertThat(Dialbook.newCommandLine().getSubcommands()).containsKey("contacts");
        assertThat(Dialbook.newCommandLine().getSubcommands().get("contacts").getSubcommands().keySet())
                .contains("list", "get", "create", "update", "delete", "bulk-update");
    }
}
