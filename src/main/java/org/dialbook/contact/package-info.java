/**
 * What a contact is and what is valid, in one place and without JavaFX: the ordered field list
 * ({@link org.dialbook.contact.ContactField}), the phone rule and its one duplicate key
 * ({@link org.dialbook.contact.PhoneRule}), the e-mail rule, text limits and control characters
 * ({@link org.dialbook.contact.ContactRules}), and the formula-guarded, rectangular CSV writer
 * ({@link org.dialbook.contact.CsvRowWriter}). The import, the dialogs, inline and bulk edit, the
 * export and the CLI all call these, so one input gets one verdict everywhere. Depends on nothing
 * else of ours.
 */
package org.dialbook.contact;
