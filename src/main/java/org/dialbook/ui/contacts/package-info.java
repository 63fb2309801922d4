/**
 * The contacts table and its dialogs: paging, search and sort, inline edit, the contact dialog, bulk
 * edit, delete and copy. Validation calls the contact package.
 */
package org.dialbook.ui.contacts;
