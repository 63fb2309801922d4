package org.dialbook.importer;

/** Decides each valid row's fate by the duplicate policy; must see rows in file order. */
final class DuplicateFilter {
    private final DuplicatePolicy policy;
    private final ExistingNumbers existing;
    private final NumberIndex seen = new NumberIndex();
    private long duplicatesInFile;
    private long duplicatesInAccount;

    DuplicateFilter(DuplicatePolicy policy, ExistingNumbers existing) {
        this.policy = policy;
        this.existing = existing;
    }

    void accept(ValidatedRow row, RowSink sink) {
        if (!row.isValid()) {
            sink.invalid(row);
            return;
        }
        long earlier = seen.putIfAbsent(row.numberKey(), row.row());
        if (earlier >= 0) {
            duplicatesInFile++;
            if (policy == DuplicatePolicy.CREATE) {
                sink.create(row);
            } else {
                sink.skipped(row, "duplicate: " + row.contact().number() + " is already on row " + earlier
                        + " of this file");
            }
            return;
        }
        String sid = existing.sidFor(row.numberKey());
        if (sid == null || policy == DuplicatePolicy.CREATE) {
            if (sid != null) {
                duplicatesInAccount++;
            }
            sink.create(row);
        } else if (policy == DuplicatePolicy.UPDATE) {
            duplicatesInAccount++;
            sink.update(row, sid);
        } else {
            duplicatesInAccount++;
            sink.skippedExisting(row, "duplicate: " + row.contact().number() + " is already in the account (contact "
                    + sid + ")", sid);
        }
    }

    long duplicatesInFile() {
        return duplicatesInFile;
    }

    long duplicatesInAccount() {
        return duplicatesInAccount;
    }
}
