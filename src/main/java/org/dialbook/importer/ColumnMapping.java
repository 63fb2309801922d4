package org.dialbook.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One target per CSV column, in column order. */
public record ColumnMapping(List<ColumnTarget> targets) {

    public ColumnMapping {
        targets = List.copyOf(targets);
    }

    public int columnCount() {
        return targets.size();
    }

    public ColumnTarget target(int column) {
        return column < targets.size() ? targets.get(column) : ColumnTarget.IGNORED;
    }

    public ColumnMapping with(int column, ColumnTarget target) {
        List<ColumnTarget> next = new ArrayList<>(targets);
        while (next.size() <= column) {
            next.add(ColumnTarget.IGNORED);
        }
        next.set(column, target);
        return new ColumnMapping(next);
    }

    public int numberColumn() {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).kind() == ColumnTarget.Kind.NUMBER) {
                return i;
            }
        }
        return -1;
    }

    /** Why this mapping cannot be used, or empty when it can. */
    public Optional<String> problem(List<String> headers) {
        Set<ColumnTarget.Kind> seen = EnumSet.noneOf(ColumnTarget.Kind.class);
        Set<String> keys = new HashSet<>();
        boolean hasNumber = false;
        for (int i = 0; i < targets.size(); i++) {
            ColumnTarget target = targets.get(i);
            String name = i < headers.size() ? "'" + headers.get(i) + "'" : "column " + (i + 1);
            switch (target.kind()) {
                case IGNORE:
                    break;
                case CUSTOM:
                    if (!keys.add(target.customKey())) {
                        return Optional.of("Two columns go to custom_field key '" + target.customKey()
                                + "' (the second is " + name + ").");
                    }
                    break;
                default:
                    if (!seen.add(target.kind())) {
                        return Optional.of("Two columns go to " + target.kind().label() + " (the second is "
                                + name + ").");
                    }
                    hasNumber |= target.kind() == ColumnTarget.Kind.NUMBER;
            }
        }
        if (!hasNumber) {
            return Optional.of("No column is mapped to number; every contact needs a phone number.");
        }
        return Optional.empty();
    }
}
