package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second launch for the same data folder hands its file to the first instead of opening a window. */
class SingleInstanceTest {
    @TempDir
    Path data;

    @Test
    void theSecondLaunchHandsItsFileToTheFirstAndStartsNothing() throws Exception {
        BlockingQueue<List<Path>> handedOver = new LinkedBlockingQueue<>();
        Optional<SingleInstance> first = SingleInstance.claim(data, List.of());
        assertThat(first).isPresent();
        first.get().onActivate(handedOver::add);
        Path csv = data.resolve("contacts.csv");

        Optional<SingleInstance> second = SingleInstance.claim(data, List.of(csv));

        assertThat(second).isEmpty();
        assertThat(handedOver.poll(10, TimeUnit.SECONDS)).containsExactly(csv.toAbsolutePath());
        assertThat(SingleInstance.claim(data, List.of())).as("a bare second launch only brings the window up").isEmpty();
        assertThat(handedOver.poll(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(SingleInstance.FILE))))
                .as("the token is the user's alone").isEqualTo("rw-------");

        first.get().close();
        try (SingleInstance again = SingleInstance.claim(data, List.of()).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }
}
