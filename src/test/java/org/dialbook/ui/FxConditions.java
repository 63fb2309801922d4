package org.dialbook.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in window tests, shared so each test class need not carry its own copy. */
public final class FxConditions {
    private FxConditions() {
    }

    /** Waits for a condition on what the window shows, read on the FX thread: the test thread would race its layout. */
    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
