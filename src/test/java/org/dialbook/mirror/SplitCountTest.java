package org.dialbook.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A count in two halves of the rowid range gives the count in one piece, for every kind of search. */
class SplitCountTest {
    @TempDir
    Path data;

    @Test
    void twoHalvesAddUpToTheWholeForEveryKindOfSearch() throws Exception {
        List<JsonObject> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            JsonObject json = new JsonObject();
            json.addProperty("sid", "sid" + i);
            json.addProperty("number", "+9198450" + (10_000 + i));
            json.addProperty("first_name", i % 3 == 0 ? "Priya" : "Ravi");
            json.addProperty("email", "p" + i + "@example.com");
            json.addProperty("tag", i % 4 == 0 ? "diwali" : "lead");
            rows.add(json);
        }
        Path file;
        try (Mirror mirror = new MirrorFiles(data, Clock.systemUTC()).open(data.resolve("split.db"))) {
            mirror.putJson(rows);
            file = mirror.file();
        }
        List<MirrorQuery> queries = List.of(MirrorQuery.text("example"), MirrorQuery.text("priya"),
                MirrorQuery.text("98450-101"), MirrorQuery.text("9"), MirrorQuery.text("qz"),
                MirrorQuery.text("priya").withTag("DIWALI"), MirrorQuery.text(null).withTag("lead"),
                MirrorQuery.text("+9 (8"), MirrorQuery.text(null));
        try (Connection first = DriverManager.getConnection("jdbc:sqlite:" + file);
                SplitCount whole = new SplitCount(DriverManager.getConnection("jdbc:sqlite:" + file), Long.MAX_VALUE);
                SplitCount halves = new SplitCount(DriverManager.getConnection("jdbc:sqlite:" + file), 2)) {
            for (MirrorQuery query : queries) {
                SearchSql sql = SearchSql.of(query);
                assertThat(halves.count(first, sql)).as(query.toString()).isEqualTo(whole.count(first, sql));
            }
            assertThat(halves.count(first, SearchSql.of(MirrorQuery.text("example")))).isEqualTo(300);
            assertThat(halves.count(first, SearchSql.of(MirrorQuery.text("priya").withTag("DIWALI")))).isEqualTo(25);
            assertThat(halves.count(first, SearchSql.of(MirrorQuery.text("qz")))).isZero();
        }
    }
}
