package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The ranked set agrees with a TreeSet on order, rank lookups and both walking directions. */
class RankedSetTest {

    @Property(tries = 200)
    void behavesLikeASortedSetWithRanks(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 5000) Integer> adds,
            @ForAll @Size(max = 1500) List<@IntRange(min = 0, max = 5000) Integer> removes) {
        RankedSet<Integer> ranked = new RankedSet<>(Comparator.naturalOrder());
        TreeSet<Integer> reference = new TreeSet<>();
        for (int value : adds) {
            if (reference.add(value)) {
                ranked.add(value);
            }
        }
        for (int value : removes) {
            assertThat(ranked.remove(value)).isEqualTo(reference.remove(value));
        }
        List<Integer> expected = new ArrayList<>(reference);
        assertThat(ranked.size()).isEqualTo(expected.size());
        for (int rank = 0; rank < expected.size(); rank++) {
            assertThat(ranked.get(rank)).isEqualTo(expected.get(rank));
        }
        List<Integer> ascending = new ArrayList<>();
        ranked.forEach(true, value -> ascending.add(value) || true);
        assertThat(ascending).isEqualTo(expected);
        List<Integer> descending = new ArrayList<>();
        ranked.forEach(false, value -> descending.add(value) || true);
        assertThat(descending).isEqualTo(new ArrayList<>(reference.descendingSet()));
    }
}
