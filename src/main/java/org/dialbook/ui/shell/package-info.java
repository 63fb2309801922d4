/**
 * The main window: menus, the contacts pane, theme, window preferences and the start-up probe.
 */
package org.dialbook.ui.shell;
