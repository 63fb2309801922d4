package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data in a data directory survives a restart, with its order, lists and the demo marker. */
class SandboxPersistenceTest {

    @TempDir
    Path dir;

    // By hand: these tests stop and restart the sandbox on the same data folder.
    private SandboxServer start() {
        return SandboxServer.start(SandboxOptions.builder().dataDir(dir).demoContacts(30).seed(3).build());
    }

    @Test
    void everythingSurvivesARestart() {
        String createdBody;
        String updatedSid;
        String deletedSid;
        String listSid;
        String pageBefore;
        String namePageBefore;
        try (SandboxServer first = start()) {
            RawHttp http = new RawHttp(first);
            RawHttp.Reply created = http.post(http.contacts(), "{\"contacts\":[{\"number\":\"+919101234510\","
                    + "\"first_name\":\"Ananya\",\"custom_field\":{ \"tier\" : [1, 2.0] }},"
                    + "{\"number\":\"+6591234567\",\"first_name\":\"Wei Ling\"}]}");
            createdBody = created.body();
            updatedSid = created.item(0).getAsJsonObject("data").get("sid").getAsString();
            deletedSid = created.item(1).getAsJsonObject("data").get("sid").getAsString();
            http.put(http.contacts() + "/" + updatedSid, "{\"tag\":\"VIP\"}");
            http.delete(http.contacts() + "/" + deletedSid);
            listSid = first.createList("sandbox", "Callbacks", List.of(updatedSid)).sid();
            pageBefore = http.get(http.contacts() + "?offset=10&limit=20&filter=show_list").json()
                    .get("response").toString();
            namePageBefore = http.get(http.contacts() + "?sort_by=name:desc&name=a").json().get("response").toString();
            assertThat(first.contactCount("sandbox")).isEqualTo(31);
        }
        assertThat(dir.resolve("sandbox.mv.db")).exists();

        try (SandboxServer second = start()) {
            RawHttp http = new RawHttp(second);
            assertThat(second.contactCount("sandbox")).as("demo contacts are seeded once, not again").isEqualTo(31);
            RawHttp.Reply got = http.get(http.contacts() + "/" + updatedSid);
            assertThat(got.data().get("tag").getAsString()).isEqualTo("VIP");
            assertThat(got.body()).contains("\"custom_field\":{ \"tier\" : [1, 2.0] }");
            assertThat(createdBody).contains(got.data().get("date_created").getAsString());
            assertThat(http.get(http.contacts() + "/" + deletedSid).status()).isEqualTo(404);
            assertThat(http.get(http.contacts() + "?offset=10&limit=20&filter=show_list").json().get("response")
                    .toString()).isEqualTo(pageBefore);
            assertThat(http.get(http.contacts() + "?sort_by=name:desc&name=a").json().get("response").toString())
                    .isEqualTo(namePageBefore);
            assertThat(SandboxCallsTest.sidsOf(http.get(http.contacts() + "?list_sids=" + listSid).items()))
                    .containsExactly(updatedSid);

            RawHttp.Reply later = http.post(http.contacts(), "{\"contacts\":[{\"number\":\"+919101234599\"}]}");
            String laterSid = later.item(0).getAsJsonObject("data").get("sid").getAsString();
            RawHttp.Reply newest = http.get(http.contacts() + "?sort_by=date_created:desc&limit=1");
            assertThat(SandboxCallsTest.sidsOf(newest.items())).containsExactly(laterSid);
        }
    }

    @Test
    void aSecondSandboxOnTheSameDataDirectoryIsRefusedClearly() {
        try (SandboxServer first = SandboxServer.start(SandboxOptions.builder().dataDir(dir).build())) {
            assertThat(first.dataDir()).contains(dir);
            assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.builder().dataDir(dir).build()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Cannot open the sandbox database")
                    .hasMessageContaining(dir.toString());
        }
    }
}
