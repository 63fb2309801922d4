package org.dialbook.importer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated contact files with a known number of valid, invalid and duplicate rows. */
final class CsvFiles {
    /** What a generated file holds: valid distinct numbers in E.164, and the counts. */
    record Generated(Path file, List<String> validNumbers, int rows, int invalid, int duplicates) {
    }

    private CsvFiles() {
    }

    static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Indian mobiles 9100000000 + i; every 50th row invalid, every 97th a repeat of an earlier number. */
    static Generated contacts(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> valid = new ArrayList<>();
        int invalid = 0;
        int duplicates = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Phone Number,First Name,Last Name,Company,Email,City\n");
            for (int i = 0; i < rows; i++) {
                String number;
                if (i % 50 == 49) {
                    number = "12345";
                    invalid++;
                } else if (i % 97 == 96 && !valid.isEmpty()) {
                    number = valid.get(random.nextInt(valid.size())).substring(3);
                    duplicates++;
                } else {
                    String digits = Long.toString(9_100_000_000L + i);
                    number = i % 3 == 0 ? "+91 " + digits : i % 3 == 1 ? digits : "91" + digits;
                    valid.add("+91" + digits);
                }
                out.write(number + ",First" + i + ",Last" + i + ",\"Acme, Inc\",user" + i + "@example.com,Pune\n");
            }
        }
        return new Generated(file, valid, rows, invalid, duplicates);
    }
}
