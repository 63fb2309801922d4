/**
 * Contacts to a CSV file the importer reads back unchanged: paged through the client into a spool,
 * then written with the contact package's guarded CSV writer to a temporary file moved into place.
 */
package org.dialbook.exporter;
