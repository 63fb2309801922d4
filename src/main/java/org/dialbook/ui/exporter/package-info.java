/**
 * File → Export: the export dialog and its ViewModel over the exporter.
 */
package org.dialbook.ui.exporter;
