package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arguments that open the window without picocli must be exactly those picocli would read so. */
class WindowArgumentsTest {
    @Test
    void theSubcommandNamesMatchPicocli() {
        assertThat(Dialbook.SUBCOMMANDS).isEqualTo(Dialbook.newCommandLine().getSubcommands().keySet());
    }

    @Test
    void noArgumentsSmokeOrAnExistingFileOpenTheWindow(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("contacts.csv"), "number\n+919876543210\n");
        assertThat(Dialbook.opensWindowOnly(new String[0])).isTrue();
        assertThat(Dialbook.opensWindowOnly(new String[] {"--smoke"})).isTrue();
        assertThat(Dialbook.opensWindowOnly(new String[] {csv.toString()})).isTrue();
    }

    @Test
    void everythingElseGoesThroughPicocli(@TempDir Path dir) throws Exception {
        // A file named like a subcommand in the working folder must not hide the subcommand.
        Files.writeString(dir.resolve("sync"), "");
        assertThat(Dialbook.opensWindowOnly(new String[] {"sync"})).isFalse();
        assertThat(Dialbook.opensWindowOnly(new String[] {"--help"})).isFalse();
        assertThat(Dialbook.opensWindowOnly(new String[] {"--version"})).isFalse();
        assertThat(Dialbook.opensWindowOnly(new String[] {dir.resolve("missing.csv").toString()})).isFalse();
        assertThat(Dialbook.opensWindowOnly(new String[] {dir.toString()})).isFalse();
        assertThat(Dialbook.opensWindowOnly(new String[] {"--smoke", "extra"})).isFalse();
        assertThat(Dialbook.opensWindowOnly(new String[] {"contacts", "list"})).isFalse();
    }
}
