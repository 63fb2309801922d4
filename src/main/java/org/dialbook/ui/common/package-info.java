/**
 * What every desktop feature shares: the background {@link org.dialbook.ui.common.TaskExecutor},
 * the {@link org.dialbook.ui.common.DialogService} through which errors reach the user, icons and
 * error wording.
 */
package org.dialbook.ui.common;
