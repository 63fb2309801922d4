package org.dialbook.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.dialbook.api.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Terms of one or two characters are answered by the short-term index, which must follow every write
 * (the mirror's own and another process's), match in any case, and be built for a file an older
 * version wrote.
 */
class ShortTermIndexTest {
    @TempDir
    Path data;

    private Mirror open() {
        return new MirrorFiles(data, Clock.systemUTC()).open(data.resolve("mirror").resolve("test.db"));
    }

    private static JsonObject contact(int i, String first, String number) {
        JsonObject json = new JsonObject();
        json.addProperty("sid", "sid" + i);
        json.addProperty("date_created", "2026-01-01T00:00:0" + i + "Z");
        json.addProperty("number", number);
        json.addProperty("first_name", first);
        json.addProperty("email", "p" + i + "@example.com");
        json.addProperty("tag", "tag" + i);
        return json;
    }

    private static List<String> sids(Mirror mirror, String term) {
        return mirror.search(MirrorQuery.text(term), 0, 20).stream().map(Contact::sid).toList();
    }

    @Test
    void aShortTermFollowsEditsAndDeletesInAnyCase() {
        try (Mirror mirror = open()) {
            mirror.putJson(List.of(contact(1, "Zoë", "+919845012345"), contact(2, "Ravi", "+14155550123")));
            assertThat(sids(mirror, "zo")).containsExactly("sid1");
            assertThat(sids(mirror, "Ë")).containsExactly("sid1");
            // A number-like term looks for its digits anywhere in the number: only the first has a 9.
            assertThat(sids(mirror, "+9")).containsExactly("sid1");
            assertThat(sids(mirror, "av")).containsExactly("sid2");
            assertThat(mirror.count(MirrorQuery.text("@"))).isEqualTo(2);
            assertThat(mirror.count(MirrorQuery.text("zo"))).isEqualTo(1);

            mirror.putJson(List.of(contact(1, "Anna", "+919845012345")));
            assertThat(sids(mirror, "zo")).isEmpty();
            assertThat(mirror.count(MirrorQuery.text("zo"))).isZero();
            assertThat(sids(mirror, "NN")).containsExactly("sid1");

            mirror.delete(List.of("sid1"));
            assertThat(sids(mirror, "nn")).isEmpty();
            assertThat(sids(mirror, "98")).isEmpty();
            assertThat(mirror.count(MirrorQuery.text("9"))).isEqualTo(0);
            assertThat(mirror.count(MirrorQuery.text("5"))).isEqualTo(1);
        }
    }

    @Test
    void sortedByAColumnAShortTermFindsTheSameContacts() {
        try (Mirror mirror = open()) {
            mirror.putJson(List.of(contact(1, "Zoë", "+919845012345"), contact(2, "Ravi", "+14155550123"),
                    contact(3, "Meera", "+919845099999")));
            List<String> byName = mirror.search(MirrorQuery.text("98").sortedBy(MirrorSort.FIRST_NAME, false), 0, 20)
                    .stream().map(Contact::sid).toList();
            assertThat(byName).containsExactly("sid3", "sid1");
            assertThat(mirror.count(MirrorQuery.text("98").sortedBy(MirrorSort.FIRST_NAME, false))).isEqualTo(2);
        }
    }

    @Test
    void aMirrorFromTheFirstVersionGetsTheIndexWhenOpened() throws Exception {
        Path file;
        try (Mirror mirror = open()) {
            mirror.putJson(List.of(contact(1, "Zoë", "+919845012345"), contact(2, "Ravi", "+14155550123")));
            file = mirror.file();
        }
        // What a file written by the version before the short-term index looks like.
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = raw.createStatement()) {
            for (String trigger : List.of("contact_gram_ai", "contact_gram_ad", "contact_gram_au")) {
                statement.execute("DROP TRIGGER " + trigger);
            }
            statement.execute("DROP TABLE contact_gram");
            statement.execute("PRAGMA user_version = " + (Schema.CURRENT_VERSION - 1));
        }
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger mirrorLogger = (Logger) LoggerFactory.getLogger(Mirror.class);
        logs.start();
        mirrorLogger.addAppender(logs);
        try (Mirror mirror = open()) {
            // Said before the index is built, where a terminal shows it: a large mirror takes a while once.
            assertThat(logs.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).startsWith("Upgrading the contact mirror " + file.getFileName());
            });
            assertThat(sids(mirror, "zo")).containsExactly("sid1");
            assertThat(mirror.count(MirrorQuery.text("+9"))).isEqualTo(1);
            mirror.putJson(List.of(contact(3, "Meera", "+919845099999")));
            assertThat(sids(mirror, "ee")).containsExactly("sid3");
        } finally {
            mirrorLogger.detachAppender(logs);
        }
    }

    @Test
    void aCountIsNeverServedFromBeforeAChangeEvenByAnotherProcess() {
        try (Mirror app = open(); Mirror terminal = open()) {
            app.putJson(List.of(contact(1, "Zoë", "+919845012345")));
            assertThat(app.count(MirrorQuery.text("98"))).isEqualTo(1);
            assertThat(app.count(MirrorQuery.text("example"))).isEqualTo(1);
            // Another connection to the file, as `dialbook sync` in a terminal would be.
            terminal.putJson(List.of(contact(2, "Meera", "+919845099999")));
            assertThat(app.count(MirrorQuery.text("98"))).isEqualTo(2);
            assertThat(app.count(MirrorQuery.text("example"))).isEqualTo(2);
            app.delete(List.of("sid1"));
            assertThat(app.count(MirrorQuery.text("98"))).isEqualTo(1);
            assertThat(app.size()).isEqualTo(1);
        }
    }
}
