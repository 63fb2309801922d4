/**
 * CSV import: encoding, delimiter and header detection, column mapping, the validation pipeline
 * (the contact package's rules on every row), duplicate detection against the file and the account,
 * batching through the client, the journal that makes an import resumable and undoable, and the
 * row-by-row report. Used by the wizard and by {@code dialbook import}; never imports the exporter.
 */
package org.dialbook.importer;
