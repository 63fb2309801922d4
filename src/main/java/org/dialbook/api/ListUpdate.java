package org.dialbook.api;

/**
 * A change to one list: a null name or tag is left as it is.
 */
public record ListUpdate(String sid, String name, String tag) {
    public ListUpdate {
        if (sid == null || sid.isBlank()) {
            throw new IllegalArgumentException("A list sid is required");
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("A list name cannot be blank");
        }
        if (name == null && tag == null) {
            throw new IllegalArgumentException("Give a new name or tag for list " + sid);
        }
        name = name == null ? null : name.strip();
    }
}
