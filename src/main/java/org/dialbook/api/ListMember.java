package org.dialbook.api;

/** One contact's place in one list: what adding or removing a contact reports. */
public record ListMember(String listSid, String contactSid) {
}
