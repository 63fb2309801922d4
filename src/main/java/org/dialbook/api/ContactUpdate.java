package org.dialbook.api;

import java.util.Objects;

/** One item of a bulk update: which contact, and what changes. */
public record ContactUpdate(String sid, ContactPatch patch) {
    public ContactUpdate {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(patch, "patch");
    }
}
