package org.dialbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FxTaskExecutorTest {

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void workArrivingAfterShutdownIsCancelledNotThrown() throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor(1);
        executor.shutdown();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean ran = new AtomicBoolean();

        WaitForAsyncUtils.asyncFx(() -> BackgroundTask.quiet(progress -> {
            ran.set(true);
            return "late";
        }).onCancelled(() -> cancelled.set(true)).executeWith(executor)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, cancelled::get);

        assertThat(ran).isFalse();
        assertThat(executor.schedule(Duration.ofMillis(1), () -> ran.set(true))).isNotNull();
        assertThat(executor.runningJobs()).isEmpty();
    }
}
