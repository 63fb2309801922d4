/**
 * The JavaFX desktop app. One sub-package per feature, each with its Views and ViewModels; this
 * package holds the launcher and the connection state handed down by the composition root. The only
 * package that may use JavaFX.
 */
package org.dialbook.ui;
