/**
 * The import wizard: file, columns, check, options, progress and result steps over the importer.
 */
package org.dialbook.ui.importer;
