package org.dialbook.api;

/**
 * One list to create. The name is mandatory and unique in the account (ignoring case, see
 * docs/CONTRACT.md); the tag is optional.
 */
public record NewList(String name, String tag) {
    public NewList {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A list needs a name");
        }
        name = name.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public static NewList named(String name) {
        return new NewList(name, null);
    }
}
