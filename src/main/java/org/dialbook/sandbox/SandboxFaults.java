package org.dialbook.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * The sandbox's misbehaviour, adjustable while it runs (tests flip these between calls). All
 * random choices come from one generator seeded by {@link #seed(long)}, so the same sequence of
 * requests meets the same faults.
 *
 * <ul>
 *   <li>{@code throttlePerMinute}: more than N requests per account in any 60 s window get 429 with
 *       {@code Retry-After}; 0 turns throttling off.
 *   <li>{@code latency}: every request waits this long before it is handled.
 *   <li>{@code serverErrorFraction}: this share of requests fail with 500 or 503 before any work.
 *   <li>{@code item429Fraction}: this share of the valid items of a bulk call fail with 429 and are
 *       not applied; the rest of the batch goes through.
 *   <li>{@code lostResponseFraction}: this share of requests do their work, commit it, and then the
 *       connection is dropped without an answer (the "lost response" case).
 * </ul>
 */
public final class SandboxFaults {
    private int throttlePerMinute;
    private Duration latency = Duration.ZERO;
    private double serverErrorFraction;
    private double item429Fraction;
    private double lostResponseFraction;
    private int loseNext;
    private long seed;
    private Random random;

    SandboxFaults(long seed) {
        seed(seed);
    }

    public synchronized int throttlePerMinute() {
        return throttlePerMinute;
    }

    public synchronized SandboxFaults throttlePerMinute(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("The throttle must not be negative, got " + requests);
        }
        this.throttlePerMinute = requests;
        return this;
    }

    public synchronized Duration latency() {
        return latency;
    }

    public synchronized SandboxFaults latency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("The latency must not be negative, got " + value);
        }
        this.latency = value;
        return this;
    }

    public synchronized double serverErrorFraction() {
        return serverErrorFraction;
    }

    public synchronized SandboxFaults serverErrorFraction(double fraction) {
        this.serverErrorFraction = checkedFraction(fraction, "server error");
        return this;
    }

    public synchronized double item429Fraction() {
        return item429Fraction;
    }

    public synchronized SandboxFaults item429Fraction(double fraction) {
        this.item429Fraction = checkedFraction(fraction, "item 429");
        return this;
    }

    public synchronized double lostResponseFraction() {
        return lostResponseFraction;
    }

    public synchronized SandboxFaults lostResponseFraction(double fraction) {
        this.lostResponseFraction = checkedFraction(fraction, "lost response");
        return this;
    }

    public synchronized long seed() {
        return seed;
    }

    /** Restarts the random sequence from {@code value}. */
    public synchronized SandboxFaults seed(long value) {
        this.seed = value;
        this.random = new Random(value);
        return this;
    }

    /** Turns every fault off (the seed stays). */
    public synchronized SandboxFaults reset() {
        throttlePerMinute = 0;
        latency = Duration.ZERO;
        serverErrorFraction = 0;
        item429Fraction = 0;
        lostResponseFraction = 0;
        loseNext = 0;
        return this;
    }

    /**
     * Applies a spec such as {@code latency=200ms,error=0.05,item429=0.1,lost=0.01,throttle=30}.
     * Keys: {@code latency} (ms or s suffix, or plain milliseconds), {@code error}, {@code item429},
     * {@code lost} (fractions from 0 to 1), {@code throttle} (requests per minute).
     *
     * @throws IllegalArgumentException naming the bad part
     */
    public synchronized SandboxFaults apply(String spec) {
        if (spec == null || spec.isBlank()) {
            return this;
        }
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Fault '" + item + "' needs the form key=value");
            }
            String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            switch (key) {
                case "latency" -> latency(parseDuration(value));
                case "error", "errors", "5xx" -> serverErrorFraction(parseFraction(key, value));
                case "item429", "items429" -> item429Fraction(parseFraction(key, value));
                case "lost", "lost-response" -> lostResponseFraction(parseFraction(key, value));
                case "throttle" -> throttlePerMinute(parseThrottle(value));
                default -> throw new IllegalArgumentException("Unknown fault '" + key
                        + "'; use latency, error, item429, lost or throttle");
            }
        }
        return this;
    }

    /** Parses {@code 30}, {@code 30/min} or {@code 30/m}. */
    public static int parseThrottle(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("/min")) {
            value = value.substring(0, value.length() - 4);
        } else if (value.endsWith("/m")) {
            value = value.substring(0, value.length() - 2);
        }
        try {
            int requests = Integer.parseInt(value.trim());
            if (requests < 0) {
                throw new NumberFormatException();
            }
            return requests;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The throttle must look like 30/min, got '" + text + "'");
        }
    }

    /** {@code 200ms}, {@code 2s} or {@code 1.5s}; a bare number is milliseconds. */
    public static Duration parseDuration(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1).trim())
                        * 1000));
            }
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A duration must look like 200ms or 1.5s, got '" + text + "'");
        }
    }

    private static double parseFraction(String key, String text) {
        try {
            return checkedFraction(Double.parseDouble(text), key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The fault '" + key + "' needs a fraction from 0 to 1, got '" + text
                    + "'");
        }
    }

    private static double checkedFraction(double fraction, String what) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("The " + what + " fraction must be from 0 to 1, got " + fraction);
        }
        return fraction;
    }

    synchronized boolean drawServerError() {
        return serverErrorFraction > 0 && random.nextDouble() < serverErrorFraction;
    }

    /** 500 or 503, half each. */
    synchronized int drawServerErrorStatus() {
        return random.nextBoolean() ? 500 : 503;
    }

    synchronized boolean drawItem429() {
        return item429Fraction > 0 && random.nextDouble() < item429Fraction;
    }

    /**
     * The next {@code requests} requests do their work and lose their answer, whatever the fraction:
     * for tests that need exactly one lost answer followed by normal ones.
     */
    public synchronized SandboxFaults loseNextResponses(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("The number of lost answers must not be negative, got " + requests);
        }
        this.loseNext = requests;
        return this;
    }

    synchronized boolean drawLostResponse() {
        if (loseNext > 0) {
            loseNext--;
            return true;
        }
        return lostResponseFraction > 0 && random.nextDouble() < lostResponseFraction;
    }

    @Override
    public synchronized String toString() {
        return "throttle=" + throttlePerMinute + "/min, latency=" + latency.toMillis() + "ms, error=" + serverErrorFraction
                + ", item429=" + item429Fraction + ", lost=" + lostResponseFraction + ", seed=" + seed;
    }
}
