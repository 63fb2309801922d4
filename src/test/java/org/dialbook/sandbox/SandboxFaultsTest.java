package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.testing.InProcessSandbox;
import org.dialbook.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each fault, seen from the client side. */
class SandboxFaultsTest {
    private static final String ONE = "{\"contacts\":[{\"number\":\"+919101234510\"}]}";

    private final TestClock clock = TestClock.fixed();
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.clock(clock).seed(42)
            .account(SandboxAccount.DEFAULT)
            .account(new SandboxAccount("second", "k2", "t2")));
    private SandboxServer sandbox;
    private RawHttp http;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        http = new RawHttp(sandbox);
    }

    @Test
    void throttleAnswers429WithRetryAfterPerAccountUntilTheWindowMoves() {
        sandbox.faults().throttlePerMinute(2);
        assertThat(http.get(http.contacts()).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(15));
        assertThat(http.post(http.contacts(), ONE).status()).isEqualTo(207);

        RawHttp.Reply throttled = http.get(http.contacts());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("45");
        assertThat(throttled.json().get("http_code").getAsInt()).isEqualTo(429);
        assertThat(throttled.item().get("status").getAsString()).isEqualTo("failure");
        assertThat(http.post(http.contacts(), ONE).status()).isEqualTo(429);
        assertThat(sandbox.contactCount("sandbox")).as("a throttled create does nothing").isEqualTo(1);

        RawHttp second = new RawHttp(sandbox, sandbox.accounts().get(1));
        assertThat(second.get(second.contacts()).status()).as("the limit is per account").isEqualTo(200);

        clock.advance(Duration.ofSeconds(45));
        assertThat(http.get(http.contacts()).status()).isEqualTo(200);
        sandbox.faults().throttlePerMinute(0);
        for (int i = 0; i < 5; i++) {
            assertThat(http.get(http.contacts()).status()).isEqualTo(200);
        }
    }

    @Test
    void latencyDelaysEveryAnswer() {
        sandbox.faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        assertThat(http.get(http.contacts()).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void serverErrorsHitTheConfiguredShareDeterministicallyAndDoNoWork() {
        sandbox.faults().serverErrorFraction(1.0);
        for (int i = 0; i < 6; i++) {
            RawHttp.Reply reply = http.post(http.contacts(), ONE);
            assertThat(reply.status()).isIn(500, 503);
            assertThat(reply.json().get("http_code").getAsInt()).isEqualTo(reply.status());
            if (reply.status() == 503) {
                assertThat(reply.header("Retry-After")).isEqualTo("1");
            }
        }
        assertThat(sandbox.contactCount("sandbox")).isZero();

        sandbox.faults().serverErrorFraction(0.5).seed(99);
        List<Integer> first = statuses(40);
        sandbox.faults().seed(99);
        List<Integer> again = statuses(40);
        assertThat(again).isEqualTo(first);
        assertThat(first).contains(200).containsAnyOf(500, 503);
    }

    private List<Integer> statuses(int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(http.get(http.contacts()).status());
        }
        return statuses;
    }

    @Test
    void itemThrottlingFailsSomeItemsOfA207AndStoresOnlyTheRest() {
        sandbox.faults().item429Fraction(0.5);
        StringBuilder body = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < 40; i++) {
            body.append(i == 0 ? "" : ",").append("{\"number\":\"+9191012345").append(String.format("%02d", i))
                    .append("\"}");
        }
        RawHttp.Reply reply = http.post(http.contacts(), body.append("]}").toString());

        assertThat(reply.status()).isEqualTo(207);
        int throttled = 0;
        for (int i = 0; i < 40; i++) {
            int code = reply.item(i).get("code").getAsInt();
            assertThat(code).isIn(200, 429);
            if (code == 429) {
                throttled++;
                assertThat(reply.item(i).get("status").getAsString()).isEqualTo("failure");
                assertThat(reply.item(i).getAsJsonObject("error_data").get("code").isJsonNull()).isTrue();
            } else {
                assertThat(reply.item(i).getAsJsonObject("data").get("number").getAsString())
                        .isEqualTo("+9191012345" + String.format("%02d", i));
            }
        }
        assertThat(throttled).isBetween(5, 35);
        assertThat(reply.metadata().get("failed").getAsInt()).isEqualTo(throttled);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(40 - throttled);
    }

    @Test
    void lostResponseCommitsTheWorkButNeverAnswers() {
        sandbox.faults().lostResponseFraction(1.0);
        assertThatThrownBy(() -> http.post(http.contacts(), ONE)).isInstanceOf(UncheckedIOException.class);
        sandbox.faults().reset();
        RawHttp.Reply list = http.get(http.contacts());
        assertThat(list.metadata().get("total").getAsInt()).as("the create was committed").isEqualTo(1);
        assertThat(SandboxCallsTest.numbersOf(list.items())).containsExactly("+919101234510");
    }

    @Test
    void faultSpecsParseAndNameTheirMistakes() {
        SandboxFaults faults = sandbox.faults().apply("latency=200ms, error=0.05,item429=0.1,lost=0.01,throttle=30/min");
        assertThat(faults.latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(faults.serverErrorFraction()).isEqualTo(0.05);
        assertThat(faults.item429Fraction()).isEqualTo(0.1);
        assertThat(faults.lostResponseFraction()).isEqualTo(0.01);
        assertThat(faults.throttlePerMinute()).isEqualTo(30);
        assertThat(faults.apply("latency=1.5s").latency()).isEqualTo(Duration.ofMillis(1500));
        assertThat(SandboxFaults.parseThrottle("45/min")).isEqualTo(45);
        assertThatThrownBy(() -> faults.apply("error=2")).hasMessageContaining("error").hasMessageContaining("2");
        assertThatThrownBy(() -> faults.apply("jitter=1")).hasMessageContaining("jitter");
        assertThatThrownBy(() -> faults.apply("latency")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> SandboxFaults.parseThrottle("fast")).hasMessageContaining("30/min");
        faults.reset();
        assertThat(faults.toString()).contains("throttle=0/min");
    }
}
