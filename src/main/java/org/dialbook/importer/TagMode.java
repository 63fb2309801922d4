package org.dialbook.importer;

/** What "Tag every contact" does to a row that already has a tag in the file. */
public enum TagMode {
    /** Every contact gets the import's tag; the file's own tag is replaced. */
    REPLACE,
    /** Only contacts without a tag in the file get the import's tag; "vip" stays "vip". */
    WHEN_EMPTY,
    /** The file's tags are kept as they are and the import's tag is not used. */
    KEEP
}
