package org.dialbook.importer;

import java.util.List;
import org.dialbook.api.CampaignList;

/**
 * What the import's list step changed on the server, as the server confirmed it: handed on so that a
 * local copy of the account (the mirror) shows the list and its members at once, without waiting for
 * the next sync.
 */
public interface ListChanges {
    /** Changes go nowhere. */
    ListChanges NONE = new ListChanges() {
    };

    /** The list was created by the import (it had no list of that name). */
    default void created(CampaignList list) {
    }

    /** The server confirmed these contacts added to the list. */
    default void added(CampaignList list, List<String> contactSids) {
    }
}
