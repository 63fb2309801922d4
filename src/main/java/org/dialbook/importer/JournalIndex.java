package org.dialbook.importer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where each row's latest outcome line sits in a journal, so that the report reads it in row order
 * holding 8 bytes a row, rather than parsing every line twice and keeping every row's values to
 * sort them. Lines the journal itself wrote ({@code {"k":"row","r":N,...}}) are indexed from their
 * first bytes; anything else is parsed in full, as {@link JournalState#forEachLine} would.
 */
final class JournalIndex {
    private static final byte[] ROW = "{\"k\":\"row\",\"r\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH = "{\"k\":\"batch\",".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNDO = "{\"k\":\"undo\",".getBytes(StandardCharsets.US_ASCII);

    /** A line the index pointed at could not be read (cut short by a kill): use the full scan. */
    static final class UnreadableLineException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableLineException(long offset) {
            super("the journal line at byte " + offset + " cannot be read");
        }
    }

    private long[] offsets = new long[1024];
    private int maxRow = -1;

    private JournalIndex() {
        Arrays.fill(offsets, -1);
    }

    static JournalIndex build(Path journal) throws IOException {
        JournalIndex index = new JournalIndex();
        if (!Files.exists(journal)) {
            return index;
        }
        try (InputStream in = Files.newInputStream(journal)) {
            byte[] chunk = new byte[64 * 1024];
            byte[] line = new byte[1024];
            int length = 0;
            long offset = 0;
            long lineStart = 0;
            for (int read; (read = in.read(chunk)) > 0; offset += read) {
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        index.line(line, length, lineStart);
                        length = 0;
                        lineStart = offset + i + 1;
                    } else {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, length * 2);
                        }
                        line[length++] = b;
                    }
                }
            }
            if (length > 0) {
                index.line(line, length, lineStart);
            }
        }
        return index;
    }

    private void line(byte[] line, int length, long start) {
        if (startsWith(line, length, ROW)) {
            int row = 0;
            int at = ROW.length;
            while (at < length && line[at] >= '0' && line[at] <= '9' && row < Integer.MAX_VALUE / 10) {
                row = row * 10 + (line[at++] - '0');
            }
            if (at > ROW.length && at < length && line[at] == ',') {
                record(row, start);
                return;
            }
        } else if (startsWith(line, length, BATCH) || startsWith(line, length, UNDO)) {
            return;
        }
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return;
        }
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            if (json.get("k").getAsString().equals("row")) {
                record(Math.toIntExact(json.get("r").getAsLong()), start);
            }
        } catch (JsonParseException | IllegalStateException | NullPointerException | ArithmeticException
                | UnsupportedOperationException e) {
            // Unreadable, as JournalState.forEachLine skips it.
        }
    }

    private void record(int row, long offset) {
        if (row >= offsets.length) {
            int old = offsets.length;
            offsets = Arrays.copyOf(offsets, Math.max(row + 1, old * 2));
            Arrays.fill(offsets, old, offsets.length, -1);
        }
        offsets[row] = offset;
        maxRow = Math.max(maxRow, row);
    }

    /**
     * Calls {@code consumer} with each row's latest outcome, in row order.
     *
     * @throws UnreadableLineException when an indexed line does not parse; nothing was skipped
     *     silently, and the caller should fall back to the full scan
     */
    void forEachLatest(Path journal, Consumer<JournalState.Entry> consumer) throws IOException {
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            LatestLines lines = new LatestLines(new Window(channel));
            // One reader over all the lines, each a JSON object: a reader (and its buffers) per line cost
            // more than the parse itself. Lenient, because a stream of several values is not one document.
            JsonReader reader = new JsonReader(lines);
            reader.setLenient(true);
            for (int row = 0; row <= maxRow; row++) {
                long offset = offsets[row];
                if (offset < 0) {
                    continue;
                }
                JournalState.Entry entry;
                try {
                    entry = readEntry(reader);
                } catch (IOException | RuntimeException e) {
                    throw new UnreadableLineException(offset);
                }
                if (entry.row() != row) {
                    throw new UnreadableLineException(offset);
                }
                consumer.accept(entry);
            }
        }
    }

    /** One outcome line, as {@link JournalState#entry} reads it from a tree. */
    private static JournalState.Entry readEntry(JsonReader reader) throws IOException {
        String kind = null;
        long row = -1;
        RowOutcome outcome = null;
        String sid = null;
        String detail = null;
        List<String> values = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "k" -> kind = reader.nextString();
                case "r" -> row = reader.nextLong();
                case "o" -> outcome = RowOutcome.valueOf(reader.nextString());
                case "sid" -> sid = nullableString(reader);
                case "d" -> detail = nullableString(reader);
                case "v" -> {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        values.add(reader.nextString());
                    }
                    reader.endArray();
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (!"row".equals(kind) || row < 0 || outcome == null) {
            throw new IllegalStateException("not an outcome line");
        }
        return new JournalState.Entry(row, outcome, sid, detail, values);
    }

    private static String nullableString(JsonReader reader) throws IOException {
        if (reader.peek() == JsonToken.NULL) {
            reader.nextNull();
            return null;
        }
        return reader.nextString();
    }

    /** The indexed lines in row order, as one stream of characters, each line ended by a newline. */
    private final class LatestLines extends Reader {
        private final Window window;
        private int row = -1;
        private String line = "";
        private int at = 1;

        LatestLines(Window window) {
            this.window = window;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (at > line.length()) {
                if (!advance()) {
                    return -1;
                }
            }
            int count = 0;
            while (count < length && at <= line.length()) {
                buffer[offset + count++] = at == line.length() ? '\n' : line.charAt(at);
                at++;
            }
            return count;
        }

        private boolean advance() throws IOException {
            do {
                row++;
            } while (row <= maxRow && offsets[row] < 0);
            if (row > maxRow) {
                return false;
            }
            line = window.lineAt(offsets[row]);
            at = 0;
            return true;
        }

        @Override
        public void close() {
            // The channel belongs to forEachLatest.
        }
    }

    /**
     * The latest outcome of each of {@code rows} (ascending), read where the index points: a page of
     * the result list without parsing the rest of the journal. A row with no readable line is left out.
     */
    List<JournalState.Entry> latestOf(Path journal, int[] rows) throws IOException {
        List<JournalState.Entry> out = new ArrayList<>(rows.length);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            Window window = new Window(channel);
            for (int row : rows) {
                long offset = row <= maxRow ? offsets[row] : -1;
                if (offset < 0) {
                    continue;
                }
                try {
                    JournalState.Entry entry = JournalState.entry(JsonParser.parseString(window.lineAt(offset))
                            .getAsJsonObject());
                    if (entry.row() == row) {
                        out.add(entry);
                    }
                } catch (JsonParseException | IllegalStateException | NullPointerException
                        | IllegalArgumentException | UnsupportedOperationException e) {
                    // Cut short by a kill: JournalState skipped this line too.
                }
            }
        }
        return out;
    }

    private static boolean startsWith(byte[] line, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads lines at offsets that mostly go forwards, through one buffer. */
    private static final class Window {
        private final FileChannel channel;
        private ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        private long start = -1;

        Window(FileChannel channel) {
            this.channel = channel;
        }

        String lineAt(long offset) throws IOException {
            while (true) {
                if (start >= 0 && offset >= start && offset < start + buffer.limit()) {
                    int from = (int) (offset - start);
                    for (int i = from; i < buffer.limit(); i++) {
                        if (buffer.get(i) == '\n') {
                            return new String(buffer.array(), from, i - from, StandardCharsets.UTF_8);
                        }
                    }
                    boolean atEnd = start + buffer.limit() >= channel.size();
                    if (atEnd) {
                        return new String(buffer.array(), from, buffer.limit() - from, StandardCharsets.UTF_8);
                    }
                    if (from == 0) {
                        // A line longer than the buffer.
                        buffer = ByteBuffer.allocate(buffer.capacity() * 2);
                    }
                }
                fill(offset);
            }
        }

        private void fill(long offset) throws IOException {
            buffer.clear();
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // Keep reading until full or at the end of the file.
            }
            buffer.flip();
            start = offset;
            if (buffer.limit() == 0) {
                throw new UnreadableLineException(offset);
            }
        }
    }
}
