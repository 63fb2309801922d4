package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ObservableList;
import org.dialbook.testing.InProcessSandbox;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionSource;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.Job;
import org.dialbook.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting: at once when the connection was opened ahead, else in the background. */
class ShellViewModelTest {
    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory();

    /** Runs each task on the calling thread, and counts them. */
    private static final class CountingExecutor implements TaskExecutor {
        private final CurrentThreadTaskExecutor inner = new CurrentThreadTaskExecutor();
        private final AtomicInteger tasks = new AtomicInteger();

        @Override
        public <T> Job execute(BackgroundTask<T> task) {
            tasks.incrementAndGet();
            return inner.execute(task);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            return inner.schedule(delay, action);
        }

        @Override
        public ObservableList<Job> runningJobs() {
            return inner.runningJobs();
        }

        @Override
        public void shutdown() {
            inner.shutdown();
        }
    }

    private ActiveConnection connection(String name) {
        return new ActiveConnection(sandbox.client(), name, "Local sandbox", true, "IN", null);
    }

    @Test
    void aConnectionOpenedAheadIsShownWithoutABackgroundTask() {
        ActiveConnection ahead = connection("Sandbox");
        AtomicInteger opens = new AtomicInteger();
        ConnectionSource source = new ConnectionSource() {
            @Override
            public ActiveConnection open() {
                opens.incrementAndGet();
                return connection("Opened later");
            }

            @Override
            public Optional<ActiveConnection> openedAlready() {
                return Optional.of(ahead);
            }
        };
        CountingExecutor executor = new CountingExecutor();
        ShellViewModel shell = new ShellViewModel(source, executor);

        shell.connect();

        assertThat(shell.connectionProperty().get()).isSameAs(ahead);
        assertThat(shell.stateProperty().get()).isEqualTo(ShellViewModel.State.CONNECTED);
        assertThat(shell.profileTextProperty().get()).isEqualTo("Sandbox");
        assertThat(executor.tasks).hasValue(0);
        assertThat(opens).hasValue(0);
    }

    @Test
    void withNothingOpenedAheadItOpensInTheBackgroundAndAReconnectNeverTakesTheAheadOne() {
        AtomicInteger aheadAsked = new AtomicInteger();
        ConnectionSource source = new ConnectionSource() {
            @Override
            public ActiveConnection open() {
                return connection("Opened");
            }

            @Override
            public Optional<ActiveConnection> openedAlready() {
                aheadAsked.incrementAndGet();
                return Optional.empty();
            }
        };
        CountingExecutor executor = new CountingExecutor();
        ShellViewModel shell = new ShellViewModel(source, executor);

        shell.connect();
        assertThat(shell.connectionProperty().get().profileName()).isEqualTo("Opened");
        assertThat(executor.tasks).hasValue(1);

        // A reconnect (Retry, another profile) always opens afresh.
        shell.connect();
        assertThat(executor.tasks).hasValue(2);
        assertThat(aheadAsked).hasValue(1);
        assertThat(shell.stateProperty().get()).isEqualTo(ShellViewModel.State.CONNECTED);
    }

    @Test
    void aConnectAskedForWhileOneIsOpeningWinsAndTheOtherIsClosed() {
        AtomicInteger opens = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        ShellViewModel[] shell = new ShellViewModel[1];
        ConnectionSource source = () -> {
            int n = opens.incrementAndGet();
            if (n == 1) {
                // The user asks again (Connection → Retry) before the first has opened.
                shell[0].connect();
            }
            return new ActiveConnection(sandbox.client(), "Attempt " + n, "Local sandbox", true, "IN",
                    closed::incrementAndGet);
        };
        shell[0] = new ShellViewModel(source, new CurrentThreadTaskExecutor());

        shell[0].connect();

        assertThat(shell[0].connectionProperty().get().profileName()).isEqualTo("Attempt 2");
        assertThat(shell[0].stateProperty().get()).isEqualTo(ShellViewModel.State.CONNECTED);
        assertThat(closed).as("the first attempt's connection is closed, not left open").hasValue(1);
    }
}
