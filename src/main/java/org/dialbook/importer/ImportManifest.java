package org.dialbook.importer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one import as stored beside its journal, so it can be resumed, retried or undone
 * after a restart with exactly the same reading and validation.
 *
 * @param rowsInFile data rows counted by the last complete pass, or -1 before one finished
 * @param state "running", "stopped" (a pass ended with rows unsent), "finished", "cancelled" or "undone"
 * @param expectedRows the row count the preview promised when the import started, 0 when unknown; lets
 *     an import killed during its first pass say how far it got
 * @param destination where the contacts go (account and server), or null when not recorded; an import is
 *     only resumed into the same destination, so rows meant for one account never land in another
 */
public record ImportManifest(String id, ImportPlan plan, long fileSize, long fileModified, Instant createdAt,
        long rowsInFile, String state, long expectedRows, String destination) {

    public ImportManifest withRows(long rows) {
        return new ImportManifest(id, plan, fileSize, fileModified, createdAt, rows, state, expectedRows,
                destination);
    }

    public ImportManifest withState(String newState) {
        return new ImportManifest(id, plan, fileSize, fileModified, createdAt, rowsInFile, newState, expectedRows,
                destination);
    }

    /** True when this import may be resumed into {@code current}; unrecorded destinations match anything. */
    public boolean sendsTo(String current) {
        return destination == null || current == null || destination.equals(current);
    }

    String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("file", plan.file().toAbsolutePath().toString());
        json.addProperty("fileSize", fileSize);
        json.addProperty("fileModified", fileModified);
        json.addProperty("createdAt", createdAt.toString());
        json.addProperty("rowsInFile", rowsInFile);
        json.addProperty("state", state);
        json.addProperty("expectedRows", expectedRows);
        json.addProperty("destination", destination);
        CsvFormat format = plan.format();
        json.addProperty("charset", format.charset().name());
        json.addProperty("bomLength", format.bomLength());
        json.addProperty("delimiter", String.valueOf(format.delimiter()));
        json.addProperty("hasHeader", format.hasHeader());
        JsonArray headers = new JsonArray();
        plan.headers().forEach(headers::add);
        json.add("headers", headers);
        JsonArray targets = new JsonArray();
        plan.mapping().targets().forEach(target -> targets.add(target.label()));
        json.add("mapping", targets);
        ImportOptions options = plan.options();
        json.addProperty("country", options.defaultCountry());
        json.addProperty("tag", options.tag());
        json.addProperty("tagMode", options.tagMode().name());
        json.addProperty("duplicates", options.duplicates().name());
        json.addProperty("batchSize", options.batchSize());
        json.addProperty("checkExisting", options.checkExisting());
        json.addProperty("reconcileWindowMillis", options.reconcileWindow().toMillis());
        json.addProperty("list", options.list());
        return json.toString();
    }

    static ImportManifest fromJson(String text) {
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        CsvFormat format = new CsvFormat(Charset.forName(json.get("charset").getAsString()),
                json.get("bomLength").getAsInt(), json.get("delimiter").getAsString().charAt(0),
                json.get("hasHeader").getAsBoolean());
        List<String> headers = new ArrayList<>();
        json.getAsJsonArray("headers").forEach(item -> headers.add(item.getAsString()));
        List<ColumnTarget> targets = new ArrayList<>();
        json.getAsJsonArray("mapping").forEach(item -> targets.add(ColumnTarget.parse(item.getAsString())));
        ImportOptions options = new ImportOptions(json.get("country").getAsString(),
                json.has("tag") && !json.get("tag").isJsonNull() ? json.get("tag").getAsString() : null,
                DuplicatePolicy.valueOf(json.get("duplicates").getAsString()), json.get("batchSize").getAsInt(),
                json.get("checkExisting").getAsBoolean(),
                Duration.ofMillis(json.get("reconcileWindowMillis").getAsLong()),
                // Absent in manifests written before tag modes: the tag replaced the file's then.
                json.has("tagMode") ? TagMode.valueOf(json.get("tagMode").getAsString()) : TagMode.REPLACE,
                // Absent in manifests written before lists existed.
                json.has("list") && !json.get("list").isJsonNull() ? json.get("list").getAsString() : null);
        ImportPlan plan = new ImportPlan(Path.of(json.get("file").getAsString()), format, headers,
                new ColumnMapping(targets), options);
        return new ImportManifest(json.get("id").getAsString(), plan, json.get("fileSize").getAsLong(),
                json.get("fileModified").getAsLong(), Instant.parse(json.get("createdAt").getAsString()),
                json.get("rowsInFile").getAsLong(), json.get("state").getAsString(),
                // Absent in manifests written before the field existed.
                json.has("expectedRows") ? json.get("expectedRows").getAsLong() : 0,
                json.has("destination") && !json.get("destination").isJsonNull()
                        ? json.get("destination").getAsString() : null);
    }
}
