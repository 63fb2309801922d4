package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DroppedFilesTest {
    @TempDir
    Path dir;

    @Test
    void sortsCsvTsvAndTxtFromEverythingElseWithReasons() throws Exception {
        Path csv = Files.writeString(dir.resolve("contacts.CSV"), "number\n+919101234510\n");
        Path tsv = Files.writeString(dir.resolve("export.tsv"), "number\n+919101234510\n");
        Path txt = Files.writeString(dir.resolve("list.txt"), "number\n+919101234510\n");
        Path xlsx = Files.write(dir.resolve("book.xlsx"), new byte[] {0x50, 0x4B, 3, 4});
        Path pdf = Files.write(dir.resolve("scan.pdf"), new byte[] {1});
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        Path missing = dir.resolve("gone.csv");

        DroppedFiles sorted = DroppedFiles.sort(List.of(csv, xlsx, tsv, pdf, empty, folder, txt, missing));

        assertThat(sorted.accepted()).containsExactly(csv, tsv, txt);
        assertThat(sorted.rejected()).extracting(DroppedFiles.Rejected::file)
                .containsExactly(xlsx, pdf, empty, folder, missing);
        assertThat(sorted.rejectionMessage()).contains("book.xlsx: this is a spreadsheet workbook")
                .contains("scan.pdf: .pdf files cannot be imported").contains("empty.csv: the file is empty")
                .contains("folder.csv: this is a folder").contains("gone.csv: the file does not exist");
    }

    @Test
    void looksImportableGoesByTheNameOnly() {
        assertThat(DroppedFiles.looksImportable(Path.of("a.csv"))).isTrue();
        assertThat(DroppedFiles.looksImportable(Path.of("a.Tsv"))).isTrue();
        assertThat(DroppedFiles.looksImportable(Path.of("a.xlsx"))).isFalse();
        assertThat(DroppedFiles.looksImportable(Path.of("README"))).isFalse();
    }

    @Test
    void progressTextReadsLikeASentence() {
        ImportProgress progress = new ImportProgress(ImportProgress.Phase.SENDING, 1234, 20000, 0, 0,
                ImportSummary.EMPTY, 850.4, java.time.Duration.ofSeconds(75));
        assertThat(ProgressText.describe(progress)).isEqualTo("Importing: 1,234 of 20,000 rows · 850 rows/s · "
                + "1 min 15 s left");
    }
}
