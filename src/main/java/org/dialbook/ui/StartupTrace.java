package org.dialbook.ui;

import java.io.PrintStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Phase timings on the path to the first painted page, for measuring start-up (issue 14). Off
 * unless {@code -Ddialbook.startup.trace=true} or {@code DIALBOOK_STARTUP_TRACE=1}; then each phase
 * prints one line to stderr, in milliseconds since the JVM process started. Plain stderr rather than
 * SLF4J on purpose: the logger's own start-up is one of the phases measured, and the lines must
 * appear even before it is ready. Costs one boolean check when off.
 */
public final class StartupTrace {
    private static final boolean ENABLED = Boolean.getBoolean("dialbook.startup.trace")
            || "1".equals(System.getenv("DIALBOOK_STARTUP_TRACE"));
    private static final Set<String> SEEN = new HashSet<>();
    private static long jvmStart = -1;
    private static long previous;

    private StartupTrace() {
    }

    /**
     * When the launching script noted the time ({@code DIALBOOK_LAUNCHED_AT}, epoch milliseconds, as
     * packaging/startup-bench.sh does): Linux gives a process's start time from the boot time in whole
     * seconds, so that figure can be off by up to a second.
     */
    private static OptionalLong launchedAt() {
        try {
            String value = System.getenv("DIALBOOK_LAUNCHED_AT");
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static boolean enabled() {
        return ENABLED;
    }

    /** Prints this phase once (a phase reached again later, such as a second page, is not start-up). */
    public static void mark(String phase) {
        if (ENABLED) {
            print(System.err, phase, System.currentTimeMillis());
        }
    }

    private static synchronized void print(PrintStream err, String phase, long now) {
        if (!SEEN.add(phase)) {
            return;
        }
        if (jvmStart < 0) {
            jvmStart = launchedAt().orElse(
                    ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(now));
            previous = jvmStart;
            err.printf("[startup] %6d ms  %+6d ms  %s%n", 0, 0, "JVM process started");
        }
        err.printf("[startup] %6d ms  %+6d ms  %s [%s]%n", now - jvmStart, now - previous, phase,
                Thread.currentThread().getName());
        previous = now;
    }
}
