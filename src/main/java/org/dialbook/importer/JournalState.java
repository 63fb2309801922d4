package org.dialbook.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a journal says, read back: each row's latest outcome (one bit set per outcome), the requests
 * whose rows never got an answer, and the sids already undone.
 */
final class JournalState {
    private static final Logger LOG = LoggerFactory.getLogger(JournalState.class);

    /** A request that was sent and whose rows still lack an outcome (or ended unknown). */
    record Batch(String op, Instant at, long[] rows, long[] keys) {
    }

    /** One parsed outcome line. */
    record Entry(long row, RowOutcome outcome, String sid, String detail, List<String> values) {
    }

    private final Map<RowOutcome, BitSet> byOutcome = new EnumMap<>(RowOutcome.class);
    private final List<Batch> batches = new ArrayList<>();
    private final Set<String> undone = new HashSet<>();
    private long maxBatch;

    private JournalState() {
        for (RowOutcome outcome : RowOutcome.values()) {
            byOutcome.put(outcome, new BitSet());
        }
    }

    /** The state of an empty journal. */
    static JournalState empty() {
        return new JournalState();
    }

    /** The row outcomes and the highest batch id, without the batches and undone sids (a pass needs no more). */
    JournalState copy() {
        JournalState copy = new JournalState();
        byOutcome.forEach((outcome, rows) -> copy.byOutcome.put(outcome, (BitSet) rows.clone()));
        copy.maxBatch = maxBatch;
        return copy;
    }

    /** Records a row's latest outcome, replacing any earlier one. */
    void settle(long row, RowOutcome outcome) {
        int index = Math.toIntExact(row);
        for (BitSet set : byOutcome.values()) {
            set.clear(index);
        }
        byOutcome.get(outcome).set(index);
    }

    /** The rows whose latest outcome is {@code outcome}, by row number; a copy. */
    BitSet rowsWith(RowOutcome outcome) {
        return (BitSet) byOutcome.get(outcome).clone();
    }

    static JournalState load(Path journal) throws IOException {
        JournalState state = new JournalState();
        forEachLine(journal, json -> state.accept(json));
        return state;
    }

    private void accept(JsonObject json) {
        String kind = json.get("k").getAsString();
        if (kind.equals("row")) {
            Entry entry = entry(json);
            settle(entry.row(), entry.outcome());
        } else if (kind.equals("batch")) {
            maxBatch = Math.max(maxBatch, json.get("id").getAsLong());
            batches.add(new Batch(json.get("op").getAsString(), Instant.ofEpochMilli(json.get("at").getAsLong()),
                    longs(json.getAsJsonArray("rows")), longs(json.getAsJsonArray("keys"))));
        } else if (kind.equals("undo")) {
            undone.add(json.get("sid").getAsString());
        }
    }

    static Entry entry(JsonObject json) {
        List<String> values = new ArrayList<>();
        JsonArray array = json.getAsJsonArray("v");
        if (array != null) {
            array.forEach(item -> values.add(item.getAsString()));
        }
        return new Entry(json.get("r").getAsLong(), RowOutcome.valueOf(json.get("o").getAsString()),
                text(json, "sid"), text(json, "d"), values);
    }

    private static String text(JsonObject json, String name) {
        JsonElement element = json.get(name);
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }

    private static long[] longs(JsonArray array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsLong();
        }
        return out;
    }

    /** Calls {@code consumer} with every complete line; a line cut short by a kill is skipped. */
    static void forEachLine(Path journal, Consumer<JsonObject> consumer) throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonObject json;
                try {
                    json = JsonParser.parseString(line).getAsJsonObject();
                } catch (JsonParseException | IllegalStateException e) {
                    LOG.warn("Skipping unreadable journal line {} of {} (cut short by a crash?)", number, journal);
                    continue;
                }
                consumer.accept(json);
            }
        }
    }

    long maxBatch() {
        return maxBatch;
    }

    boolean has(long row, RowOutcome outcome) {
        return byOutcome.get(outcome).get(Math.toIntExact(row));
    }

    /** Rows with any outcome. */
    BitSet settled() {
        BitSet all = new BitSet();
        byOutcome.values().forEach(all::or);
        return all;
    }

    long count(RowOutcome outcome) {
        return byOutcome.get(outcome).cardinality();
    }

    Set<String> undone() {
        return undone;
    }

    /**
     * Rows sent in a request but never settled (and, when {@code includeUnknown}, those that ended
     * unknown), with the earliest time any of them was sent.
     */
    List<Batch> unanswered(boolean includeUnknown) {
        BitSet settled = settled();
        BitSet unknown = byOutcome.get(RowOutcome.UNKNOWN);
        List<Batch> out = new ArrayList<>();
        BitSet taken = new BitSet();
        for (Batch batch : batches) {
            if (!batch.op().equals("create")) {
                continue;
            }
            List<Integer> picked = new ArrayList<>();
            for (int i = 0; i < batch.rows().length; i++) {
                int row = Math.toIntExact(batch.rows()[i]);
                boolean open = !settled.get(row) || (includeUnknown && unknown.get(row));
                if (open && !taken.get(row)) {
                    taken.set(row);
                    picked.add(i);
                }
            }
            if (!picked.isEmpty()) {
                long[] rows = new long[picked.size()];
                long[] keys = new long[picked.size()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = batch.rows()[picked.get(i)];
                    keys[i] = batch.keys()[picked.get(i)];
                }
                out.add(new Batch(batch.op(), batch.at(), rows, keys));
            }
        }
        return out;
    }

    ImportSummary summary(long rowsInFile) {
        long settled = 0;
        for (BitSet set : byOutcome.values()) {
            settled += set.cardinality();
        }
        long rows = Math.max(rowsInFile, settled);
        return new ImportSummary(rows, count(RowOutcome.CREATED), count(RowOutcome.UPDATED),
                count(RowOutcome.SKIPPED), count(RowOutcome.INVALID), count(RowOutcome.FAILED),
                count(RowOutcome.UNKNOWN), rows - settled);
    }
}
