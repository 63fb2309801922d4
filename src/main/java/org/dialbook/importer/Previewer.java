package org.dialbook.importer;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialbook.api.ContactsApi;
import org.dialbook.contact.PhoneRule;
import org.dialbook.jobs.CancelToken;

/** Validates a whole file without sending anything: the wizard's preview and the CLI's --dry-run. */
public final class Previewer {
    public static final int FIRST_ROWS = 20;
    public static final int MAX_INVALID_SHOWN = 10_000;

    private final ContactsApi api;
    private final Clock clock;
    private final ValidationPipeline pipeline;

    /** @param api where to look up existing numbers; null to skip that check */
    public Previewer(ContactsApi api) {
        this(api, Clock.systemUTC(), ValidationPipeline.forThisMachine());
    }

    Previewer(ContactsApi api, Clock clock, ValidationPipeline pipeline) {
        this.api = api;
        this.clock = clock;
        this.pipeline = pipeline;
    }

    public ImportPreview preview(ImportPlan plan, ImportListener listener, CancelToken cancel)
            throws IOException, InterruptedException {
        ExistingNumbers existing = ExistingNumbers.none();
        if (api != null && plan.options().needsExisting()) {
            existing = ExistingNumbers.load(api, new PhoneRule(plan.options().defaultCountry()), cancel, seen -> listener.progress(new ImportProgress(
                    ImportProgress.Phase.CHECKING_ACCOUNT, seen, 0, 0, 0, ImportSummary.EMPTY, 0, null)));
        }
        Collector collector = new Collector();
        DuplicateFilter filter = new DuplicateFilter(plan.options().duplicates(), existing);
        long bytesTotal = plan.file().toFile().length();
        ProgressMeter meter = new ProgressMeter(clock, 0);
        long rows = pipeline.run(plan, filter, collector, (read, bytes) -> {
            if (meter.due()) {
                long estimate = bytes > 0 ? Math.max(read, (long) ((double) read * bytesTotal / bytes)) : 0;
                listener.progress(new ImportProgress(ImportProgress.Phase.VALIDATING, read, estimate, bytes,
                        bytesTotal, ImportSummary.EMPTY, meter.rate(read), meter.eta(read, estimate)));
            }
        }, cancel);
        return new ImportPreview(rows, collector.creates, collector.updates, collector.skips, collector.invalid,
                filter.duplicatesInFile(), filter.duplicatesInAccount(), collector.repaired, collector.first,
                collector.invalidRows, collector.duplicateRows, cancel.isCancelled());
    }

    private static final class Collector implements RowSink {
        long creates;
        long updates;
        long skips;
        long invalid;
        long repaired;
        final List<ImportPreview.PreviewRow> first = new ArrayList<>();
        final List<ImportPreview.InvalidRow> invalidRows = new ArrayList<>();
        final List<ImportPreview.DuplicateRow> duplicateRows = new ArrayList<>();

        @Override
        public void invalid(ValidatedRow row) {
            invalid++;
            if (invalidRows.size() < MAX_INVALID_SHOWN) {
                invalidRows.add(new ImportPreview.InvalidRow(row.row(), Arrays.asList(row.values()), row.problem()));
            }
        }

        @Override
        public void skipped(ValidatedRow row, String reason) {
            skips++;
            // The only rows skipped are duplicates (DuplicateFilter); the check step lists them.
            if (duplicateRows.size() < MAX_INVALID_SHOWN) {
                duplicateRows.add(new ImportPreview.DuplicateRow(row.row(), row.contact().number(), reason));
            }
            show(row, "skip: " + reason);
        }

        @Override
        public void create(ValidatedRow row) {
            creates++;
            show(row, "create");
        }

        @Override
        public void update(ValidatedRow row, String sid) {
            updates++;
            show(row, "update " + sid);
        }

        private void show(ValidatedRow row, String action) {
            if (row.note() != null) {
                repaired++;
            }
            if (first.size() < FIRST_ROWS) {
                first.add(new ImportPreview.PreviewRow(row.row(), row.contact(), action, row.note()));
            }
        }
    }
}
