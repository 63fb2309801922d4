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
 * @param tagMode whether {@code tag} replaces a tag the file already has, fills only empty ones, or is not used
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
        TagMode tagMode,
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
        tagMode = tagMode == null ? TagMode.REPLACE : tagMode;
        list = list == null || list.isBlank() ? null : list.strip();
    }

    /** As before tag modes existed: the tag replaces the file's. */
    public ImportOptions(String defaultCountry, String tag, DuplicatePolicy duplicates, int batchSize,
            boolean checkExisting, Duration reconcileWindow) {
        this(defaultCountry, tag, duplicates, batchSize, checkExisting, reconcileWindow, TagMode.REPLACE, null);
    }

    /** The same options adding every row to {@code newList} (name or sid; null for none). */
    public ImportOptions withList(String newList) {
        return new ImportOptions(defaultCountry, tag, duplicates, batchSize, checkExisting, reconcileWindow, tagMode,
                newList);
    }

    public ImportOptions withTagMode(TagMode mode) {
        return new ImportOptions(defaultCountry, tag, duplicates, batchSize, checkExisting, reconcileWindow, mode, list);
    }

    /** The tag for a row whose file value is {@code fileTag} (null or blank when the file has none). */
    public String tagFor(String fileTag) {
        boolean fileHasOne = fileTag != null && !fileTag.isBlank();
        return switch (tagMode) {
            case REPLACE -> tag != null ? tag : fileTag;
            case WHEN_EMPTY -> fileHasOne || tag == null ? fileTag : tag;
            case KEEP -> fileTag;
        };
    }

    public static ImportOptions defaults(String country) {
        return new ImportOptions(country, null, DuplicatePolicy.SKIP, MAX_BATCH, true, Duration.ofSeconds(60));
    }

    public ImportOptions withTag(String newTag) {
        return new ImportOptions(defaultCountry, newTag, duplicates, batchSize, checkExisting, reconcileWindow, tagMode,
                list);
    }

    public ImportOptions withDuplicates(DuplicatePolicy policy) {
        return new ImportOptions(defaultCountry, tag, policy, batchSize, checkExisting, reconcileWindow, tagMode,
                list);
    }

    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(defaultCountry, tag, duplicates, size, checkExisting, reconcileWindow, tagMode,
                list);
    }

    public ImportOptions withCountry(String country) {
        return new ImportOptions(country, tag, duplicates, batchSize, checkExisting, reconcileWindow, tagMode,
                list);
    }

    public ImportOptions withCheckExisting(boolean check) {
        return new ImportOptions(defaultCountry, tag, duplicates, batchSize, check, reconcileWindow, tagMode, list);
    }

    public ImportOptions withReconcileWindow(Duration window) {
        return new ImportOptions(defaultCountry, tag, duplicates, batchSize, checkExisting, window, tagMode, list);
    }

    /** Whether the account's existing numbers need to be known. */
    public boolean needsExisting() {
        return checkExisting && duplicates != DuplicatePolicy.CREATE;
    }
}
