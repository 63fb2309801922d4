package org.dialbook.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentThreadTaskExecutorTest {

    @Test
    void deliversResultProgressAndFinish() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        List<String> events = new ArrayList<>();
        Job job = BackgroundTask.titled("Counting", progress -> {
            progress.update(1, 4, "one of four");
            return 42;
        }).onSuccess(value -> events.add("success " + value))
                .onFailure(error -> events.add("failure"))
                .onFinished(() -> events.add("finished"))
                .executeWith(executor);

        assertThat(events).containsExactly("success 42", "finished");
        assertThat(job.progressProperty().get()).isEqualTo(0.25);
        assertThat(job.messageProperty().get()).isEqualTo("one of four");
        assertThat(job.isRunning()).isFalse();
    }

    @Test
    void deliversFailure() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        List<Throwable> failures = new ArrayList<>();
        BackgroundTask.quiet(progress -> {
            throw new IllegalStateException("broken");
        }).onFailure(failures::add).executeWith(executor);

        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("broken");
    }

    @Test
    void manualTimersRunOnlyWhatWasNotCancelled() {
        CurrentThreadTaskExecutor executor = CurrentThreadTaskExecutor.withManualTimers();
        List<String> ran = new ArrayList<>();
        Cancellable first = executor.schedule(Duration.ofMillis(200), () -> ran.add("first"));
        executor.schedule(Duration.ofMillis(200), () -> ran.add("second"));
        first.cancel();

        assertThat(ran).isEmpty();
        assertThat(executor.runTimers()).isEqualTo(1);
        assertThat(ran).containsExactly("second");
    }
}
