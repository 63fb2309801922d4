package org.dialbook.sandbox;

import java.time.Clock;

/** Test access to the sandbox's package-private clock seam, for tests in other packages. */
public final class SandboxClocks {
    private SandboxClocks() {
    }

    public static SandboxOptions.Builder withClock(SandboxOptions.Builder builder, Clock clock) {
        return builder.clock(clock);
    }
}
