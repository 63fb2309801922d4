package org.dialbook.exporter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.Page;
import org.dialbook.contact.ContactCsvColumns;
import org.dialbook.contact.CustomValueCodec;
import org.dialbook.contact.CsvRowWriter;
import org.dialbook.files.SafeFiles;
import org.dialbook.jobs.CancelToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes contacts to a CSV file the importer reads back unchanged.
 *
 * <p>The header needs every custom-field key before the first row, but the keys are only known once
 * the last page is in. So contacts are read page by page (through the client, which paces and
 * retries the calls) into a spool file beside the target, which keeps memory flat for any size of
 * account; the CSV is then written from the spool to a temporary file and moved into place. A
 * cancelled or failed export therefore never leaves a half-written file behind, nor touches an
 * existing file of the same name.
 *
 * <p>Every cell is written by the {@link CsvRowWriter}, which guards formulas; custom values go through the
 * {@link CustomValueCodec}. Contacts that show up twice while paging (the account changed meanwhile)
 * are written once.
 */
public final class ContactExporter {

    private static final Logger LOG = LoggerFactory.getLogger(ContactExporter.class);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final ContactsApi api;

    public ContactExporter(ContactsApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * Exports {@code scope} to {@code target}.
     *
     * @return the outcome; not completed when {@code cancel} was set, and then no file was written
     * @throws IOException when the file cannot be written
     * @throws org.dialbook.api.ApiException when the contacts cannot be read
     */
    public ExportResult export(ExportScope scope, Path target, ExportOptions options, ExportListener listener,
            CancelToken cancel) throws IOException {
        Objects.requireNonNull(scope, "scope");
        Path file = target.toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path spool = SafeFiles.createTemp(folder, "." + file.getFileName() + ".", ".spool");
        Path partial = SafeFiles.createTemp(folder, "." + file.getFileName() + ".", ".part");
        try {
            Spooled spooled = spool(scope, spool, listener, cancel);
            if (cancel.isCancelled()) {
                LOG.info("Export of {} cancelled after {} contacts", scope.description(), spooled.count);
                return new ExportResult(file, false, spooled.count, List.of());
            }
            List<String> customColumns = spooled.customKeys.stream().map(ContactCsvColumns::customColumn).toList();
            writeCsv(spool, partial, spooled, options);
            SafeFiles.moveIntoPlace(partial, file);
            LOG.info("Exported {} to {}: {} written", scope.description(), file, spooled.count);
            return new ExportResult(file, true, spooled.count, customColumns);
        } finally {
            Files.deleteIfExists(spool);
            Files.deleteIfExists(partial);
        }
    }

    /** Reads the contacts into the spool, one JSON line each, collecting the custom keys. */
    private Spooled spool(ExportScope scope, Path spool, ExportListener listener, CancelToken cancel)
            throws IOException {
        Spooled spooled = new Spooled();
        try (BufferedWriter out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            if (scope instanceof ExportScope.Selection selection) {
                long total = selection.contacts().size();
                listener.progress(0, total);
                for (Contact contact : selection.contacts()) {
                    if (cancel.isCancelled()) {
                        break;
                    }
                    spooled.add(contact, out);
                    listener.progress(spooled.count, total);
                }
            } else if (scope instanceof ExportScope.Streamed streamed) {
                listener.progress(0, streamed.total());
                try (Stream<Contact> contacts = streamed.open().get()) {
                    Iterator<Contact> items = contacts.iterator();
                    while (!cancel.isCancelled() && items.hasNext()) {
                        spooled.add(items.next(), out);
                        listener.progress(spooled.count, Math.max(streamed.total(), spooled.count));
                    }
                }
            } else if (scope instanceof ExportScope.Query query) {
                listener.progress(0, -1);
                Page<Contact> first = api.listContacts(query.query());
                long total = first.total();
                listener.progress(0, total);
                Iterator<Contact> firstItems = first.items().iterator();
                Stream<Contact> rest = first.hasNext() && !first.items().isEmpty()
                        ? api.streamContacts(query.query().withOffset(first.nextOffset()))
                        : Stream.empty();
                try (rest) {
                    Iterator<Contact> more = rest.iterator();
                    // Check the token before asking for the next contact: asking may fetch a page.
                    while (!cancel.isCancelled() && (firstItems.hasNext() || more.hasNext())) {
                        Contact contact = firstItems.hasNext() ? firstItems.next() : more.next();
                        spooled.add(contact, out);
                        listener.progress(spooled.count, Math.max(total, spooled.count));
                    }
                }
            }
        }
        return spooled;
    }

    private static void writeCsv(Path spool, Path partial, Spooled spooled, ExportOptions options)
            throws IOException {
        List<String> header = new ArrayList<>(ContactCsvColumns.STANDARD);
        spooled.customKeys.forEach(key -> header.add(ContactCsvColumns.customColumn(key)));
        if (spooled.wholeCustomField) {
            header.add(ContactCsvColumns.CUSTOM_FIELD);
        }
        if (options.systemColumns()) {
            header.addAll(ContactCsvColumns.SYSTEM);
        }
        try (Writer writer = new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8);
                BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            if (options.byteOrderMark()) {
                writer.write(BYTE_ORDER_MARK);
            }
            CsvRowWriter csv = new CsvRowWriter(writer, header);
            String line;
            while ((line = in.readLine()) != null) {
                csv.write(row(JsonParser.parseString(line).getAsJsonObject(), spooled, options));
            }
            csv.flush();
        }
    }

    private static List<String> row(JsonObject spooledRow, Spooled spooled, ExportOptions options) {
        List<String> cells = new ArrayList<>();
        for (JsonElement standard : spooledRow.getAsJsonArray("s")) {
            cells.add(cell(standard));
        }
        JsonObject custom = spooledRow.getAsJsonObject("c");
        for (String key : spooled.customKeys) {
            cells.add(custom != null && custom.has(key) ? cell(custom.get(key)) : "");
        }
        if (spooled.wholeCustomField) {
            cells.add(cell(spooledRow.get("w")));
        }
        if (options.systemColumns()) {
            for (JsonElement system : spooledRow.getAsJsonArray("y")) {
                cells.add(cell(system));
            }
        }
        return cells;
    }

    private static String cell(JsonElement spooledText) {
        return spooledText == null || spooledText.isJsonNull() ? "" : spooledText.getAsString();
    }

    /** What the spool holds beyond its rows. */
    private static final class Spooled {
        final Set<String> customKeys = new LinkedHashSet<>();
        final Set<String> seenSids = new HashSet<>();
        boolean wholeCustomField;
        long count;

        void add(Contact contact, Writer out) throws IOException {
            if (contact.sid() != null && !seenSids.add(contact.sid())) {
                return;
            }
            JsonObject line = new JsonObject();
            JsonArray standard = new JsonArray();
            standard.add(text(contact.number()));
            standard.add(text(contact.firstName()));
            standard.add(text(contact.lastName()));
            standard.add(text(contact.companyName()));
            standard.add(text(contact.email()));
            standard.add(text(contact.tag()));
            line.add("s", standard);
            JsonElement customField = contact.customField();
            if (customField != null && !customField.isJsonNull()) {
                if (customField.isJsonObject() && !customField.getAsJsonObject().isEmpty()) {
                    JsonObject cells = new JsonObject();
                    for (Map.Entry<String, JsonElement> entry : customField.getAsJsonObject().entrySet()) {
                        customKeys.add(entry.getKey());
                        cells.addProperty(entry.getKey(), CustomValueCodec.encode(entry.getValue()));
                    }
                    line.add("c", cells);
                } else {
                    // Not spreadable over key columns (an array, a bare value, an empty object).
                    wholeCustomField = true;
                    line.addProperty("w", CustomValueCodec.encode(customField));
                }
            }
            JsonArray system = new JsonArray();
            system.add(text(contact.sid()));
            system.add(text(date(contact.dateCreated())));
            system.add(text(date(contact.dateUpdated())));
            line.add("y", system);
            out.write(line.toString());
            out.write('\n');
            count++;
        }

        private static JsonElement text(String value) {
            return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
        }

        private static String date(OffsetDateTime value) {
            return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
        }
    }
}
