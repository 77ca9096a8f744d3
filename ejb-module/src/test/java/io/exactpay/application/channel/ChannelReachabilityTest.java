package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelReachabilityTest {

    private final AtomicInteger probes = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private boolean down = true;

    @Test
    void aChannelThatIsDownIsProbedOncePerFewSecondsHoweverOftenReadinessIsAsked() {
        ChannelReachability reachability = reachability();

        for (int i = 0; i < 50; i++) reachability.report();
        assertEquals(1, probes.get(), "fifty readiness requests, one signed call to the channel");

        now = now.plusSeconds(6);
        assertFalse(reachability.report().allAnswered());
        assertEquals(2, probes.get(), "asked again once the short keep is over");
    }

    @Test
    void anAnswerIsKeptLongerThanASilence() {
        down = false;
        ChannelReachability reachability = reachability();

        assertTrue(reachability.report().allAnswered());
        now = now.plusSeconds(20);
        reachability.report();
        assertEquals(1, probes.get());
        now = now.plusSeconds(11);
        reachability.report();
        assertEquals(2, probes.get());
    }

    @Test
    void whyAChannelDidNotAnswerStaysInTheLog() {
        ChannelReachability.Report report = reachability().report();

        assertEquals("unreachable", report.answers().get("ALIPAY"), report.toString());
        assertFalse(report.toString().contains("10.20.30.40"), report.toString());
    }

    private ChannelReachability reachability() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new ChannelReachability(() -> List.of(new ProbedChannel()), clock, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    /** Alipay, which answers a query for an unknown trade, or does not answer at all while down. */
    private final class ProbedChannel implements PaymentChannel {
        @Override
        public Channel channel() {
            return Channel.ALIPAY;
        }

        @Override
        public PaymentStatus queryPayment(String outTradeNo) {
            probes.incrementAndGet();
            if (down) {
                throw new ChannelOutcomeUnknownException(Channel.ALIPAY, "connect to 10.20.30.40:443 timed out", null);
            }
            throw new ChannelRejectedException(Channel.ALIPAY, "ACQ.TRADE_NOT_EXIST", "no such trade");
        }

        @Override
        public PaymentInstruction createPayment(PaymentOrder order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CloseOutcome closePayment(String outTradeNo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RefundStatus refund(RefundOrder order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RefundStatus queryRefund(String outTradeNo, String outRefundNo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Statement downloadStatement(LocalDate day) {
            throw new UnsupportedOperationException();
        }
    }
}
