package org.dialbook.ui.common;

/** Something pending that can be called off. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
