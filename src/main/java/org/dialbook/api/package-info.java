/**
 * The Exotel Contacts API v2 client: immutable request and response records, {@link org.dialbook.api.ContactsClient}
 * (one OkHttp client, host-limited Basic auth, rate pacing, retries with a switch tests can turn
 * off), one exception family ({@link org.dialbook.api.ApiException}), and bulk results that carry
 * every item's outcome. The wire contract it follows is docs/CONTRACT.md. Uses only the contact
 * rules and the cancel token; everything else builds on it.
 */
package org.dialbook.api;
