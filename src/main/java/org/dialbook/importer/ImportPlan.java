package org.dialbook.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Everything needed to read, validate and send one file. */
public record ImportPlan(Path file, CsvFormat format, List<String> headers, ColumnMapping mapping,
        ImportOptions options) {
    public ImportPlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(options, "options");
        headers = List.copyOf(headers);
        mapping.problem(headers).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    public static ImportPlan of(CsvInspection inspection, ColumnMapping mapping, ImportOptions options) {
        return new ImportPlan(inspection.file(), inspection.format(), inspection.headers(), mapping, options);
    }

    public int columnCount() {
        return headers.size();
    }
}
