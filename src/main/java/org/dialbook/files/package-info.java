/**
 * Writing files safely: temporary file then atomic move, {@code 0600} for anything holding
 * contacts. JavaFX-free, used by the importer, the exporter, the credentials store and the UI's
 * settings.
 */
package org.dialbook.files;
