package org.dialbook.sandbox;

/**
 * A campaign list that contacts can belong to. The Lists API is outside the contract, so the sandbox
 * has no HTTP endpoint for lists: they are made through {@link SandboxServer#createList} (tests, demo
 * data), and the contacts API only filters by them ({@code list_sids}) and shows them
 * ({@code filter=show_list}).
 */
public record ContactList(String sid, String name) {
}
