/**
 * The connection profiles panel: add, edit and test Exotel accounts; tokens go to the keychain.
 */
package org.dialbook.ui.connection;
