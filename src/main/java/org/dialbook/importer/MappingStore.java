package org.dialbook.importer;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dialbook.files.SafeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved column mappings, one JSON file per header signature, so the same export from the same CRM
 * maps itself the next time.
 */
public final class MappingStore {
    private static final Logger LOG = LoggerFactory.getLogger(MappingStore.class);
    private static final Gson GSON = new Gson();

    private final Path folder;

    public MappingStore(Path folder) {
        this.folder = folder;
    }

    /** A stable id of the header names, insensitive to case and surrounding spaces. */
    public static String signature(List<String> headers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String header : headers) {
                digest.update(header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public void save(List<String> headers, ColumnMapping mapping) throws IOException {
        JsonObject json = new JsonObject();
        JsonArray names = new JsonArray();
        headers.forEach(names::add);
        JsonArray targets = new JsonArray();
        mapping.targets().forEach(target -> targets.add(target.label()));
        json.add("headers", names);
        json.add("targets", targets);
        SafeFiles.writeString(fileFor(headers), GSON.toJson(json));
    }

    /** The mapping saved for exactly these headers, if any and if it still reads. */
    public Optional<ColumnMapping> find(List<String> headers) {
        Path file = fileFor(headers);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject json = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
            List<ColumnTarget> targets = new ArrayList<>();
            json.getAsJsonArray("targets").forEach(item -> targets.add(ColumnTarget.parse(item.getAsString())));
            if (targets.size() != headers.size()) {
                return Optional.empty();
            }
            return Optional.of(new ColumnMapping(targets));
        } catch (IOException | JsonParseException | IllegalArgumentException | NullPointerException
                | IllegalStateException e) {
            LOG.warn("Ignoring unreadable saved mapping {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Path fileFor(List<String> headers) {
        return folder.resolve("mapping-" + signature(headers) + ".json");
    }
}
