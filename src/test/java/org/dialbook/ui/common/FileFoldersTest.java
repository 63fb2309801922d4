package org.dialbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File dialogs open in the last folder used, else Documents, else home; never the working folder. */
class FileFoldersTest {
    @TempDir
    Path home;

    @Test
    void documentsBeforeHomeAndTheLastFolderBeforeBoth() throws IOException {
        assertThat(FileFolders.initial(null, home)).isEqualTo(home);
        Path documents = Files.createDirectory(home.resolve("Documents"));
        assertThat(FileFolders.initial(null, home)).isEqualTo(documents);
        Path exports = Files.createDirectory(home.resolve("exports"));
        assertThat(FileFolders.initial(exports, home)).isEqualTo(exports);
        assertThat(FileFolders.initial(home.resolve("gone"), home)).as("a folder since removed").isEqualTo(documents);
    }
}
