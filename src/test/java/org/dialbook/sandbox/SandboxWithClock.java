package org.dialbook.sandbox;

import java.time.Clock;

/**
 * Lets tests in other packages (the client's) start a sandbox on a fake clock, so the client's
 * injected sleeper and the sandbox's throttle window move together.
 */
public final class SandboxWithClock {
    private SandboxWithClock() {
    }

    public static SandboxServer start(Clock clock, long seed) {
        return SandboxServer.start(SandboxOptions.builder().port(0).inMemory().seed(seed).clock(clock).build());
    }
}
