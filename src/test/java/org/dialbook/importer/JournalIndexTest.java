package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's index finds each row's latest line, in row order, and never silently skips one. */
class JournalIndexTest {
    @TempDir
    Path dir;

    private List<String> latest(Path journal) throws IOException {
        List<String> out = new ArrayList<>();
        JournalIndex.build(journal).forEachLatest(journal, entry -> out.add(entry.row() + " " + entry.outcome()
                + " " + entry.sid() + " " + entry.values()));
        return out;
    }

    @Test
    void eachRowsLatestOutcomeInRowOrder() throws IOException {
        Path journal = Files.writeString(dir.resolve("journal.jsonl"), String.join("\n",
                "{\"k\":\"batch\",\"id\":1,\"op\":\"create\",\"at\":1,\"rows\":[2,0],\"keys\":[5,6]}",
                "{\"k\":\"row\",\"r\":2,\"o\":\"FAILED\",\"d\":\"throttled\",\"v\":[\"+91 98\",\"Ä\\\"x\\n\"]}",
                "{\"k\":\"row\",\"r\":0,\"o\":\"CREATED\",\"sid\":\"s0\",\"v\":[\"a\"]}",
                "",
                // Written by hand or by another version: parsed in full.
                "{ \"k\": \"row\", \"r\": 5, \"o\": \"INVALID\", \"v\": [] }",
                "{\"k\":\"undo\",\"sid\":\"s0\"}",
                "{\"k\":\"row\",\"r\":2,\"o\":\"CREATED\",\"sid\":\"s2\",\"v\":[\"+91 98\",\"Ä\\\"x\\n\"]}",
                "not json at all") + "\n", StandardCharsets.UTF_8);

        assertThat(latest(journal)).containsExactly("0 CREATED s0 [a]", "2 CREATED s2 [+91 98, Ä\"x\n]",
                "5 INVALID null []");
    }

    @Test
    void aLineCutShortWhereTheIndexPointsIsReportedNotSkipped() throws IOException {
        // A kill cut row 3's second line; the resumed import appended row 4's line to the same line.
        Path journal = Files.writeString(dir.resolve("journal.jsonl"),
                "{\"k\":\"row\",\"r\":3,\"o\":\"UNKNOWN\",\"v\":[\"a\"]}\n"
                + "{\"k\":\"row\",\"r\":3,\"o\":\"CRE{\"k\":\"row\",\"r\":4,\"o\":\"CREATED\",\"sid\":\"s4\",\"v\":[]}\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> latest(journal)).isInstanceOf(JournalIndex.UnreadableLineException.class);
    }

    @Test
    void linesLongerThanTheReadBufferAndAFinalLineWithoutNewline() throws IOException {
        String big = "x".repeat(600_000);
        Path journal = Files.writeString(dir.resolve("journal.jsonl"),
                "{\"k\":\"row\",\"r\":1,\"o\":\"SKIPPED\",\"d\":\"" + big + "\",\"v\":[]}\n"
                + "{\"k\":\"row\",\"r\":0,\"o\":\"INVALID\",\"v\":[\"z\"]}", StandardCharsets.UTF_8);
        List<Integer> detailLengths = new ArrayList<>();
        JournalIndex.build(journal).forEachLatest(journal, entry -> detailLengths.add(
                entry.detail() == null ? -1 : entry.detail().length()));

        assertThat(detailLengths).containsExactly(-1, 600_000);
    }
}
