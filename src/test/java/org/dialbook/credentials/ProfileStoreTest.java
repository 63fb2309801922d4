package org.dialbook.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dialbook.api.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path config;

    @Test
    void missingFileIsAnEmptySnapshot() {
        ProfileStore.Snapshot snapshot = new ProfileStore(config.resolve("not-yet")).load();

        assertThat(snapshot.profiles()).isEmpty();
        assertThat(snapshot.activeProfileId()).isNull();
        assertThat(snapshot.problem()).isEmpty();
    }

    @Test
    void roundTripKeepsEveryFieldAndTheActiveProfile() throws IOException {
        ConnectionProfile mumbai = new ConnectionProfile("m1", "Mumbai campaigns", Region.MUMBAI, null, "acme_1",
                "IN", false);
        ConnectionProfile proxy = new ConnectionProfile("p2", "Via proxy", null, "https://proxy.example.com",
                "acme-2", "SG", false);
        ProfileStore store = new ProfileStore(config.resolve("nested"));

        store.save(List.of(ConnectionProfile.builtInSandbox(), mumbai, proxy), "p2");
        ProfileStore.Snapshot loaded = new ProfileStore(config.resolve("nested")).load();

        assertThat(loaded.profiles()).containsExactly(mumbai, proxy);
        assertThat(loaded.activeProfileId()).isEqualTo("p2");
        assertThat(loaded.problem()).isEmpty();
        try (Stream<Path> files = Files.list(config.resolve("nested"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("profiles.json");
        }
    }

    @Test
    void savingTwiceReplacesTheFile() {
        ProfileStore store = new ProfileStore(config);
        ConnectionProfile first = ConnectionProfile.create("First", Region.SINGAPORE, "a", "IN");
        store.save(List.of(first), first.id());

        store.save(List.of(), "sandbox");

        assertThat(store.load().profiles()).isEmpty();
        assertThat(store.load().activeProfileId()).isEqualTo("sandbox");
    }

    @Test
    void corruptFileIsKeptAsBakWithAClearMessage() throws IOException {
        Path file = config.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "{\"profiles\": [ {\"id\": \"x\", \"name\": ");

        ProfileStore.Snapshot snapshot = new ProfileStore(config).load();

        assertThat(snapshot.profiles()).isEmpty();
        assertThat(snapshot.problem()).get().asString()
                .contains("could not be read", "not valid JSON (line 1 column", "profiles.json.bak", "no saved profiles")
                .doesNotContain("Strictness");
        assertThat(file).doesNotExist();
        assertThat(config.resolve("profiles.json.bak")).hasContent("{\"profiles\": [ {\"id\": \"x\", \"name\": ");
    }

    @Test
    void aSecondCorruptFileDoesNotOverwriteTheFirstBackup() throws IOException {
        Path file = config.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "first garbage");
        new ProfileStore(config).load();
        Files.writeString(file, "[1, 2]");

        ProfileStore.Snapshot snapshot = new ProfileStore(config).load();

        assertThat(snapshot.problem()).get().asString().contains("not a JSON object", "profiles.json.2.bak");
        assertThat(config.resolve("profiles.json.bak")).hasContent("first garbage");
        assertThat(config.resolve("profiles.json.2.bak")).hasContent("[1, 2]");
    }

    @Test
    void anInvalidProfileNamesItsPosition() throws IOException {
        Files.writeString(config.resolve(ProfileStore.FILE_NAME), """
                {"version": 1, "activeProfile": null, "profiles": [
                  {"id": "a1", "name": "Good", "region": "MUMBAI", "accountSid": "acme", "defaultCountry": "IN"},
                  {"id": "b2", "name": "Bad", "region": "MARS", "accountSid": "acme", "defaultCountry": "IN"}
                ]}
                """);

        ProfileStore.Snapshot snapshot = new ProfileStore(config).load();

        assertThat(snapshot.problem()).get().asString().contains("profile 2: unknown region 'MARS'");
        assertThat(config.resolve("profiles.json.bak")).exists();
    }

    @Test
    void anActiveIdThatNoLongerExistsFallsBackToNone() throws IOException {
        Files.writeString(config.resolve(ProfileStore.FILE_NAME),
                "{\"version\": 1, \"activeProfile\": \"gone\", \"profiles\": []}");

        ProfileStore.Snapshot snapshot = new ProfileStore(config).load();

        assertThat(snapshot.activeProfileId()).isNull();
        assertThat(snapshot.problem()).isEmpty();
    }

    @Test
    void aNewerFormatIsSetAsideNotMisread() throws IOException {
        Files.writeString(config.resolve(ProfileStore.FILE_NAME), "{\"version\": 7, \"profiles\": []}");

        assertThat(new ProfileStore(config).load().problem()).get().asString()
                .contains("newer Dialbook (format version 7)");
    }
}
