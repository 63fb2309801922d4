package org.dialbook.sandbox;

import java.time.Instant;

/**
 * One request the sandbox handled, for tests that check pacing: when it arrived (by the sandbox's
 * clock), its method, and the status answered (0 when the answer was dropped on purpose).
 */
public record SandboxRequest(String method, Instant at, int status) {
}
