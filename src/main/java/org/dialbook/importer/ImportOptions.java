package org.dialbook.importer;

import java.time.Duration;
import java.util.Objects;

/**
 * The user's choices for one import.
 *
 * @param defaultCountry ISO code used for numbers written without a country code
 * @param tag applied to every imported row when not null/blank
 * @param batchSize contacts per bulk request, 1 to 5000
 * @param checkExisting look up the account's numbers first (needed for SKIP and UPDATE)
 * @param reconcileWindow how far before a batch's start a created contact may be dated, for clock
 *     skew between us and the server when reconciling a lost answer
 * @param list the campaign list (name or sid) every imported row is added to, made when no list has
 *     that name; null for none. Rows skipped as duplicates of existing contacts go in too, as the
 *     existing contact.
 */
public record ImportOptions(
        String defaultCountry,
        String tag,
        DuplicatePolicy duplicates,
        int batchSize,
        boolean checkExisting,
        Duration reconcileWindow,
        String list) {

    public static final int MAX_BATCH = 5000;

    public ImportOptions {
        Objects.requireNonNull(defaultCountry, "defaultCountry");
        Objects.requireNonNull(duplicates, "duplicates");
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", got " + batchSize);
        }
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        reconcileWindow = reconcileWindow == null ? Duration.ofSeconds(60) : reconcileWindow;
        list = list == null || list.isBlank() ? null : list.strip();
    }

    /** Options without a list. */
    public ImportOptions(String defaultCountry, String tag, DuplicatePolicy duplicates, int batchSize,
            boolean checkExisting, Duration reconcileWindow) {
        this(defaultCountry, tag, duplicates, batchSize, checkExisting, reconcileWindow, null);
    }

    /** The same options adding every row to {@code newList} (name or sid; null for none). */
    public ImportOptions withList(String newList) {
        return new ImportOptions(defaultCountry, tag, duplicates, batchSize, checkExisting, reconcileWindow, newList);
    }

    public static ImportOptions defaults(String country) {
        return new ImportOptions(country, null, DuplicatePolicy.SKIP, MAX_BATCH, true, Duration.ofSeconds(60));
    }

    public ImportOptions withTag(String newTag) {
        return new ImportOptions(defaultCountry, newTag, duplicates, batchSize, checkExisting, reconcileWindow,
                list);
    }

    public ImportOptions withDuplicates(DuplicatePolicy policy) {
        return new ImportOptions(defaultCountry, tag, policy, batchSize, checkExisting, reconcileWindow,
                list);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(defaultCountry, tag, duplicates, size, checkExisting, reconcileWindow,
                list);
    }

    public ImportOptions withCountry(String country) {
        return new ImportOptions(country, tag, duplicates, batchSize, checkExisting, reconcileWindow,
                list);
    }

    public ImportOptions withCheckExisting(boolean check) {
        return new ImportOptions(defaultCountry, tag, duplicates, batchSize, check, reconcileWindow,
                list);
    }

    public ImportOptions withReconcileWindow(Duration window) {
        return new ImportOptions(defaultCountry, tag, duplicates, batchSize, checkExisting, window, list);
    }

    /** Whether the account's existing numbers need to be known. */
    public boolean needsExisting() {
        return checkExisting && duplicates != DuplicatePolicy.CREATE;
    }
}
