/**
 * The campaign lists panel beside the contacts table: every list with its count, filtering the
 * table by a list, creating, renaming and deleting lists, and adding or removing contacts.
 */
package org.dialbook.ui.lists;
