package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.dialbook.api.ContactsClient;
import org.dialbook.jobs.CancelToken;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImportIdTest {
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory();

    @Test
    void importsStartedInTheSameSecondNeverShareAJournal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one-row.csv");
        Files.writeString(file, "phone,name\n12345,Asha\n", StandardCharsets.UTF_8);
        CsvInspection inspection = CsvInspector.inspect(file);
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection), ImportOptions.defaults("IN"));
        Clock frozen = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

        SandboxServer sandbox = fixture.server();
        try (ContactsClient client = ContactsClient.builder(sandbox.connectionSettings()).build()) {
            ImportRunner runner = new ImportRunner(client, dir.resolve("imports"), frozen,
                    ValidationPipeline.forThisMachine());
            Set<String> ids = new HashSet<>();
            // 400 draws from the 4-hex-digit suffix collide with high odds when ids are not claimed atomically.
            for (int i = 0; i < 400; i++) {
                ImportResult result = runner.start(plan, 1, ImportListener.none(), CancelToken.none());

                assertThat(ids.add(result.id())).as("id %s was handed out twice", result.id()).isTrue();
                assertThat(result.summary().rows()).isEqualTo(1);
                assertThat(result.summary().invalid()).isEqualTo(1);
            }
        }
    }
}
