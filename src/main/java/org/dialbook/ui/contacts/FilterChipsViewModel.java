package org.dialbook.ui.contacts;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.mirror.Facet;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.mirror.MirrorSort;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter chips beside the search box (a tag, a company) and the column a mirror search is
 * sorted by. Together they refine the search text; the pager, the count, "Select all N matching"
 * and Export all take the same {@link #refinementProperty() refinement}. The chips pick from the
 * mirror's most common values, with their counts, loaded in the background.
 */
public final class FilterChipsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FilterChipsViewModel.class);
    /** Values offered per chip; a menu longer than this is no longer something to pick from. */
    static final int CHOICES = 40;

    private final TaskExecutor executor;
    private final ObservableList<Facet.Value> tags = FXCollections.observableArrayList();
    private final ObservableList<Facet.Value> companies = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MirrorQuery> refinement =
            new ReadOnlyObjectWrapper<>(this, "refinement", MirrorQuery.text(null));
    private Mirror mirror;

    public FilterChipsViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** The chips pick from this mirror from now on. */
    void attach(Mirror value) {
        mirror = value;
        reloadChoices();
    }

    /** True once there is a mirror to filter; without one the chips are hidden. */
    public boolean available() {
        return mirror != null;
    }

    /** Reads the values on offer again (after a sync, an import). */
    public void reloadChoices() {
        Mirror source = mirror;
        if (source == null) {
            return;
        }
        BackgroundTask.quiet(progress -> new Choices(source.facetValues(Facet.TAG, CHOICES),
                source.facetValues(Facet.COMPANY, CHOICES)))
                .onSuccess(choices -> {
                    tags.setAll(choices.tags());
                    companies.setAll(choices.companies());
                })
                // The chips are a convenience: without choices the search box still works.
                .onFailure(failure -> LOG.warn("Could not read the tags and companies in the mirror", failure))
                .executeWith(executor);
    }

    private record Choices(List<Facet.Value> tags, List<Facet.Value> companies) {
    }

    public void pickTag(String tag) {
        refinement.set(refinement.get().withTag(tag));
    }

    public void pickCompany(String company) {
        refinement.set(refinement.get().withCompany(company));
    }

    public void clearTag() {
        pickTag(null);
    }

    public void clearCompany() {
        pickCompany(null);
    }

    /** Sorts a mirror search by {@code sort}; {@link MirrorSort#MIRROR} goes back to the default order. */
    public void sortBy(MirrorSort sort, boolean descending) {
        MirrorQuery now = refinement.get();
        if (now.sort() != sort || now.descending() != descending) {
            refinement.set(now.sortedBy(sort, descending));
        }
    }

    public String tag() {
        return refinement.get().tag();
    }

    public String company() {
        return refinement.get().company();
    }

    /** "diwali (1,204)": a value as the chip menu offers it. */
    public static String label(Facet.Value value) {
        return value.value() + " (" + String.format(Locale.ROOT, "%,d", value.count()) + ")";
    }

    /** What an export or a bulk action of the search covers: "contacts tagged diwali at Acme matching "98"". */
    public String describe(String text) {
        StringBuilder description = new StringBuilder("contacts");
        if (tag() != null) {
            description.append(" tagged ").append(tag());
        }
        if (company() != null) {
            description.append(" at ").append(company());
        }
        if (text != null && !text.isBlank()) {
            description.append(" matching \"").append(text.strip()).append('"');
        }
        return description.toString();
    }

    /** Tag, company and sort, with no text: what {@link MirrorQuery#forListQuery(org.dialbook.api.ListQuery, MirrorQuery)} takes. */
    public ReadOnlyObjectProperty<MirrorQuery> refinementProperty() {
        return refinement.getReadOnlyProperty();
    }

    public MirrorQuery refinement() {
        return refinement.get();
    }

    public ObservableList<Facet.Value> tags() {
        return tags;
    }

    public ObservableList<Facet.Value> companies() {
        return companies;
    }
}
