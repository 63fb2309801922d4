package org.dialbook.api;

import java.time.OffsetDateTime;

/**
 * A campaign list ("Campaign - Lists" API): a named group of contacts that a campaign dials.
 * Called {@code CampaignList} rather than {@code ContactList} so that it is never confused with a
 * {@code java.util.List} of contacts or the sandbox's stored list.
 *
 * @param contactCount how many contacts the list holds, or null when the answer did not say
 * @param tag the optional tag, or null
 */
public record CampaignList(String sid, String name, String tag, Integer contactCount, OffsetDateTime dateCreated,
        OffsetDateTime dateUpdated, String uri) {

    /** The count for people: "12" or "?" when the server did not give one. */
    public String countText() {
        return contactCount == null ? "?" : contactCount.toString();
    }
}
