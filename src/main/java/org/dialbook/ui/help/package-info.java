/**
 * The About dialog and the keyboard shortcuts list.
 */
package org.dialbook.ui.help;
