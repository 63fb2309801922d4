package org.dialbook.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link SandboxServer}. Build with {@link #builder()}; the defaults are a free
 * loopback port, an in-memory store, the {@link SandboxAccount#DEFAULT} account, no demo data and a
 * 64 MiB body cap.
 */
public final class SandboxOptions {
    /** The body cap when none is given: far above 5000 contacts, far below what would hurt the heap. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    /** Exotel's published cap on a static list. */
    public static final int DEFAULT_MAX_LIST_SIZE = 100_000;

    private final int port;
    private final Path dataDir;
    private final int demoContacts;
    private final long seed;
    private final long maxBodyBytes;
    private final int maxListSize;
    private final List<SandboxAccount> accounts;
    private final Clock clock;
    private final Duration idleTimeout;
    private final boolean http10;
    private final boolean exotelLimits;
    private final boolean restException429;

    private SandboxOptions(Builder builder) {
        this.port = builder.port;
        this.dataDir = builder.dataDir;
        this.demoContacts = builder.demoContacts;
        this.seed = builder.seed;
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxListSize = builder.maxListSize;
        this.accounts = builder.accounts.isEmpty() ? List.of(SandboxAccount.DEFAULT) : List.copyOf(builder.accounts);
        this.clock = builder.clock;
        this.idleTimeout = builder.idleTimeout;
        this.http10 = builder.http10;
        this.exotelLimits = builder.exotelLimits;
        this.restException429 = builder.restException429;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** 0 means any free port. */
    public int port() {
        return port;
    }

    /** Where the database lives; empty for in-memory. */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    public int demoContacts() {
        return demoContacts;
    }

    public long seed() {
        return seed;
    }

    /** The most contacts one list holds; 100,000 as Exotel publishes, lower in tests. */
    public int maxListSize() {
        return maxListSize;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The accounts served; the first is the default account. */
    public List<SandboxAccount> accounts() {
        return accounts;
    }

    Clock clock() {
        return clock;
    }

    /** How long a keep-alive connection may sit idle before the sandbox closes it; empty: never. */
    public Optional<Duration> idleTimeout() {
        return Optional.ofNullable(idleTimeout);
    }

    /** Answers over HTTP/1.0, one request per connection, and closes it after the answer. */
    public boolean http10() {
        return http10;
    }

    /** Exotel's published per-account budgets: 30 writes and 300 reads a minute, with X-RateLimit-* headers. */
    public boolean exotelLimits() {
        return exotelLimits;
    }

    /** A throttled request gets Exotel's {@code RestException} body instead of the v2 envelope. */
    public boolean restException429() {
        return restException429;
    }

    /** Fluent construction; {@link #build()} checks the values. */
    public static final class Builder {
        private int port;
        private Path dataDir;
        private int demoContacts;
        private long seed = 1;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxListSize = DEFAULT_MAX_LIST_SIZE;
        private final List<SandboxAccount> accounts = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration idleTimeout;
        private boolean http10;
        private boolean exotelLimits;
        private boolean restException429;

        private Builder() {
        }

        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("The port must be between 0 and 65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /** Keeps everything in memory; gone when the server closes. The default. */
        public Builder inMemory() {
            this.dataDir = null;
            return this;
        }

        /** Keeps the database in {@code dir} (created when missing), so data survives restarts. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Seeds this many realistic contacts into the default account, once per data directory. */
        public Builder demoContacts(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("The number of demo contacts must not be negative, got " + count);
            }
            this.demoContacts = count;
            return this;
        }

        /** Makes fault injection and demo data repeatable. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Bodies longer than this get 413. */
        /** The most contacts one list may hold (at least 1). */
        public Builder maxListSize(int contacts) {
            if (contacts < 1) {
                throw new IllegalArgumentException("maxListSize must be at least 1, got " + contacts);
            }
            this.maxListSize = contacts;
            return this;
        }

        public Builder maxBodyBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("The body cap must be at least 1 byte, got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Serves this account; the first one added is the default. Without any, {@link SandboxAccount#DEFAULT}. */
        public Builder account(SandboxAccount account) {
            Objects.requireNonNull(account, "account");
            for (SandboxAccount existing : accounts) {
                if (existing.accountSid().equals(account.accountSid())) {
                    throw new IllegalArgumentException("The account " + account.accountSid() + " is listed twice");
                }
                if (existing.apiKey().equals(account.apiKey())) {
                    throw new IllegalArgumentException("Two accounts share one API key");
                }
            }
            accounts.add(account);
            return this;
        }

        /** Closes keep-alive connections idle longer than this, as load balancers do; null: never. */
        public Builder idleTimeout(Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("The idle timeout must be positive, got " + value);
            }
            this.idleTimeout = value;
            return this;
        }

        /** Answers over HTTP/1.0 without keep-alive: every connection carries one request. */
        public Builder http10(boolean value) {
            this.http10 = value;
            return this;
        }

        /** Turns on Exotel's published limits: 30 writes and 300 reads a minute per account. */
        public Builder exotelLimits(boolean value) {
            this.exotelLimits = value;
            return this;
        }

        /** Throttled answers carry the RestException body, as some Exotel endpoints send. */
        public Builder restException429(boolean value) {
            this.restException429 = value;
            return this;
        }

        /** Test seam: the clock behind timestamps and throttling windows. */
        Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(this);
        }
    }
}
