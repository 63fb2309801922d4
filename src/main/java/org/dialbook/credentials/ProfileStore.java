package org.dialbook.credentials;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialbook.api.Region;
import org.dialbook.files.SafeFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved connection profiles and which one is active, as {@value #FILE_NAME} in the config folder.
 * Writes go to a temporary file that is then moved over the old one, so a crash never leaves half
 * a file. A file that cannot be read is moved aside to {@code profiles.json.bak} and the app
 * starts with no saved profiles and a message saying so; it never fails to start because of it.
 * No secret is ever written here.
 */
public final class ProfileStore {
    public static final String FILE_NAME = "profiles.json";

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
    private static final int VERSION = 1;
    private static final Pattern WHERE = Pattern.compile("line \\d+ column \\d+");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private final Path configDir;
    private final Path file;

    public ProfileStore(Path configDir) {
        this.configDir = configDir;
        this.file = configDir.resolve(FILE_NAME);
    }

    /**
     * What was saved: the profiles (never the built-in sandbox), the active profile id (may be
     * {@link ConnectionProfile#SANDBOX_ID} or null), and a message for the user when the file could
     * not be read.
     */
    public record Snapshot(List<ConnectionProfile> profiles, String activeProfileId, Optional<String> problem) {
        public Snapshot {
            profiles = List.copyOf(profiles);
            problem = problem == null ? Optional.empty() : problem;
        }

        public static Snapshot empty() {
            return new Snapshot(List.of(), null, Optional.empty());
        }
    }

    public Path file() {
        return file;
    }

    /** Reads the file; a missing file is an empty snapshot, an unreadable one is moved aside. */
    public synchronized Snapshot load() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Snapshot.empty();
        } catch (IOException e) {
            String problem = "Could not read the saved connection profiles in " + file + " (" + e.getMessage()
                    + "); starting with no saved profiles.";
            LOG.warn(problem);
            return new Snapshot(List.of(), null, Optional.of(problem));
        }
        try {
            return parse(text);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            return setAside(describe(e));
        }
    }

    /** Writes the snapshot atomically; the sandbox profile is never written. */
    public synchronized void save(List<ConnectionProfile> profiles, String activeProfileId) {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        root.addProperty("activeProfile", activeProfileId);
        JsonArray array = new JsonArray();
        for (ConnectionProfile profile : profiles) {
            if (!profile.sandbox()) {
                array.add(toJson(profile));
            }
        }
        root.add("profiles", array);
        try {
            SafeFiles.writeString(file, GSON.toJson(root) + "\n");
        } catch (IOException e) {
            throw new ProfileStoreException("Could not save the connection profiles to " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static Snapshot parse(String text) {
        JsonElement parsed = JsonParser.parseString(text);
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("the file is not a JSON object");
        }
        JsonObject root = parsed.getAsJsonObject();
        JsonElement version = root.get("version");
        if (version != null && version.isJsonPrimitive() && version.getAsInt() > VERSION) {
            throw new IllegalArgumentException("it was written by a newer Dialbook (format version "
                    + version.getAsInt() + ")");
        }
        JsonElement array = root.get("profiles");
        List<ConnectionProfile> profiles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        if (array != null && !array.isJsonNull()) {
            if (!array.isJsonArray()) {
                throw new IllegalArgumentException("\"profiles\" is not a list");
            }
            int index = 0;
            for (JsonElement element : array.getAsJsonArray()) {
                index++;
                ConnectionProfile profile;
                try {
                    profile = fromJson(element);
                } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
                    throw new IllegalArgumentException("profile " + index + ": " + e.getMessage(), e);
                }
                if (!ids.add(profile.id()) || !names.add(profile.name().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("profile " + index + " ('" + profile.name()
                            + "') is listed twice");
                }
                profiles.add(profile);
            }
        }
        String active = text(root, "activeProfile");
        if (active != null && !ids.contains(active) && !ConnectionProfile.SANDBOX_ID.equals(active)) {
            LOG.warn("The active profile '{}' in {} no longer exists; using the sandbox", active, FILE_NAME);
            active = null;
        }
        return new Snapshot(profiles, active, Optional.empty());
    }

    private static JsonObject toJson(ConnectionProfile profile) {
        JsonObject json = new JsonObject();
        json.addProperty("id", profile.id());
        json.addProperty("name", profile.name());
        json.addProperty("region", profile.region() == null ? null : profile.region().name());
        json.addProperty("baseUrl", profile.customBaseUrl());
        json.addProperty("accountSid", profile.accountSid());
        json.addProperty("defaultCountry", profile.defaultCountry());
        // Written only when set, so a file without budgets keeps pacing to the host's defaults.
        if (profile.writesPerMinute() != null) {
            json.addProperty("writesPerMinute", profile.writesPerMinute());
        }
        if (profile.readsPerMinute() != null) {
            json.addProperty("readsPerMinute", profile.readsPerMinute());
        }
        return json;
    }

    private static ConnectionProfile fromJson(JsonElement element) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject json = element.getAsJsonObject();
        String regionName = text(json, "region");
        Region region = null;
        if (regionName != null) {
            region = Region.fromName(regionName).orElseThrow(() -> new IllegalArgumentException(
                    "unknown region '" + regionName + "' (expected SINGAPORE or MUMBAI)"));
        }
        return new ConnectionProfile(text(json, "id"), text(json, "name"), region, text(json, "baseUrl"),
                text(json, "accountSid"), text(json, "defaultCountry"), false, whole(json, "writesPerMinute"),
                whole(json, "readsPerMinute"));
    }

    private static Integer whole(JsonObject json, String member) {
        JsonElement value = json.get(member);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || !value.getAsString().matches("\\d{1,9}")) {
            throw new IllegalArgumentException("\"" + member + "\" should be a whole number");
        }
        return value.getAsInt();
    }

    private static String text(JsonObject json, String member) {
        JsonElement value = json.get(member);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw new IllegalArgumentException("\"" + member + "\" should be text");
        }
        return value.getAsString();
    }

    private static String describe(RuntimeException e) {
        if (e instanceof JsonParseException) {
            // Point at the line and column, which helps someone fixing the file by hand; Gson's own
            // message also carries advice about lenient parsing that means nothing to a user.
            String detail = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            Matcher where = WHERE.matcher(detail);
            return "it is not valid JSON" + (where.find() ? " (" + where.group() + ")" : "");
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private Snapshot setAside(String reason) {
        Path backup = freeBackupName();
        String problem;
        try {
            Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
            problem = "The saved connection profiles could not be read: " + reason + ". The file was kept as "
                    + backup + " and Dialbook started with no saved profiles.";
        } catch (IOException moveFailed) {
            problem = "The saved connection profiles in " + file + " could not be read: " + reason
                    + ". Dialbook started with no saved profiles (the file could not be renamed: "
                    + moveFailed.getMessage() + ").";
        }
        LOG.warn(problem);
        return new Snapshot(List.of(), null, Optional.of(problem));
    }

    private Path freeBackupName() {
        Path backup = configDir.resolve(FILE_NAME + ".bak");
        for (int n = 2; Files.exists(backup); n++) {
            backup = configDir.resolve(FILE_NAME + "." + n + ".bak");
        }
        return backup;
    }
}
