package org.dialbook.sandbox;

/**
 * A campaign list as the sandbox keeps it. {@code position} orders lists by creation (the
 * {@code date_created:asc} order) and ties nothing: it is unique.
 */
record StoredList(String sid, String accountSid, String name, String tag, long createdMicros, long updatedMicros,
        long position) {

    ContactList view() {
        return new ContactList(sid, name);
    }

    String uri() {
        return "/v2/accounts/" + accountSid + "/lists/" + sid;
    }

    StoredList renamed(String newName, String newTag, boolean tagGiven, long micros) {
        return new StoredList(sid, accountSid, newName == null ? name : newName, tagGiven ? newTag : tag,
                createdMicros, micros, position);
    }
}
