package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.ui.ActiveConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** First run of the desktop app's composition root: no profile, so the sandbox with demo data. */
class DesktopServicesTest {

    @Test
    void firstRunOpensTheSeededSandboxAndKeepsItsDataForNextTime(@TempDir Path home) throws Exception {
        AppDirs dirs = AppDirs.under(home);
        try (DesktopServices services = new DesktopServices(dirs); ActiveConnection connection = services.open()) {
            assertThat(connection.sandbox()).isTrue();
            assertThat(connection.profileName()).isEqualTo("Sandbox");
            assertThat(connection.location()).startsWith("Local sandbox 127.0.0.1:");
            assertThat(connection.api().listContacts(ListQuery.firstPage()).total())
                    .isEqualTo(DesktopServices.DEMO_CONTACTS);
            connection.api().createContacts(java.util.List.of(NewContact.of("+919800000001")));
        }
        assertThat(Files.isDirectory(dirs.sandboxData())).isTrue();

        try (DesktopServices services = new DesktopServices(dirs); ActiveConnection connection = services.open()) {
            assertThat(connection.api().listContacts(ListQuery.firstPage()).total())
                    .as("demo contacts are seeded once; the user's own changes stay")
                    .isEqualTo(DesktopServices.DEMO_CONTACTS + 1);
        }
    }

    @Test
    void theConnectionOpenedAheadIsHandedOverOnceWithoutWaiting(@TempDir Path home) throws Exception {
        try (DesktopServices services = new DesktopServices(AppDirs.under(home))) {
            assertThat(services.openedAlready()).as("nothing was opened ahead").isEmpty();
            services.warmUp();
            AtomicReference<Optional<ActiveConnection>> taken = new AtomicReference<>(Optional.empty());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                taken.set(services.openedAlready());
                return taken.get().isPresent();
            });
            Optional<ActiveConnection> ahead = taken.get();
            try (ActiveConnection connection = ahead.get()) {
                assertThat(connection.sandbox()).isTrue();
                assertThat(services.openedAlready()).as("taken once").isEmpty();
                // open() does not hand the same connection out again: it opens another.
                try (ActiveConnection again = services.open()) {
                    assertThat(again).isNotSameAs(connection);
                }
            }
        }
    }
}
