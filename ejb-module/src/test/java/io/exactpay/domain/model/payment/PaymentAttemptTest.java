package io.exactpay.domain.model.payment;

import io.exactpay.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaymentAttemptTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final UUID ORDER = UUID.fromString("6f1c0e5e-8d2a-4c8e-9d0b-2a7f5e3c1b4d");

    private static PaymentAttempt attempt(Channel channel) {
        return PaymentAttempt.open(ORDER, channel, Money.of(1999, "CNY"), NOW);
    }

    private static PaymentAttempt in(AttemptStatus status) {
        PaymentAttempt attempt = attempt(Channel.WECHAT_PAY);
        switch (status) {
            case OPENING -> { }
            case OPEN -> attempt.opened("weixin://wxpay/1", NOW);
            case REJECTED -> attempt.rejected("PARAM_ERROR: bad", NOW);
            case CLOSED -> attempt.closed(NOW);
            case CAPTURED -> attempt.captured(NOW);
        }
        assertEquals(status, attempt.status());
        return attempt;
    }

    @Test
    void anAttemptIsWrittenDownOpeningBeforeTheChannelIsAsked() {
        PaymentAttempt attempt = attempt(Channel.ALIPAY);
        assertEquals(AttemptStatus.OPENING, attempt.status());
        assertEquals(ORDER, attempt.orderId());
        assertEquals(Money.of(1999, "CNY"), attempt.amount());
        assertNull(attempt.qrCode());
        assertTrue(attempt.status().isOpen(), "an OPENING trade may already exist at the channel");
    }

    @Test
    void outTradeNoIsOursUniqueAndWhatBothChannelsAccept() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            for (Channel channel : Channel.values()) {
                String no = attempt(channel).outTradeNo();
                assertTrue(no.matches("[A-Za-z0-9]{1,32}"), no);
                assertEquals(channel == Channel.WECHAT_PAY ? 'W' : 'A', no.charAt(0), no);
                assertTrue(seen.add(no), "out_trade_no repeated: " + no);
            }
        }
    }

    @Test
    void theChannelsAnswerOpensItAndTheSameAnswerAgainChangesNothing() {
        PaymentAttempt attempt = attempt(Channel.WECHAT_PAY);
        attempt.opened("weixin://wxpay/1", NOW);
        assertEquals(AttemptStatus.OPEN, attempt.status());
        assertEquals("weixin://wxpay/1", attempt.qrCode());
        attempt.opened("weixin://wxpay/1", NOW);
        assertEquals(AttemptStatus.OPEN, attempt.status());
    }

    @Test
    void aCloseThatOvertookTheCreateCallDoesNotHideTheTrade() {
        PaymentAttempt attempt = in(AttemptStatus.CLOSED);
        attempt.opened("weixin://wxpay/1", NOW);
        assertEquals(AttemptStatus.OPEN, attempt.status(), "the trade exists after all: it must be closed again");
    }

    @Test
    void aRejectedOrPaidTradeCannotBeOpenedAgain() {
        for (AttemptStatus status : EnumSet.of(AttemptStatus.REJECTED, AttemptStatus.CAPTURED)) {
            PaymentAttempt attempt = in(status);
            assertThrows(IllegalStateException.class, () -> attempt.opened("weixin://wxpay/1", NOW), status.name());
            assertEquals(status, attempt.status());
        }
    }

    @Test
    void theChannelsRefusalIsKeptShortAndATradeItAcceptedCannotBeRejected() {
        PaymentAttempt attempt = attempt(Channel.ALIPAY);
        attempt.rejected("x".repeat(500), NOW);
        assertEquals(AttemptStatus.REJECTED, attempt.status());
        assertEquals(200, attempt.channelError().length());

        PaymentAttempt open = in(AttemptStatus.OPEN);
        assertThrows(IllegalStateException.class, () -> open.rejected("late refusal", NOW));
        assertEquals(AttemptStatus.OPEN, open.status());
    }

    @Test
    void anOpenTradeClosesWhenTheChannelConfirmsIt() {
        for (AttemptStatus status : EnumSet.of(AttemptStatus.OPENING, AttemptStatus.OPEN)) {
            PaymentAttempt attempt = in(status);
            attempt.closed(NOW);
            assertEquals(AttemptStatus.CLOSED, attempt.status(), status.name());
            assertFalse(attempt.status().isOpen());
        }
    }

    @Test
    void aCloseOfATradeThatCannotBePaidAnywayChangesNothing() {
        for (AttemptStatus status : EnumSet.of(AttemptStatus.REJECTED, AttemptStatus.CLOSED)) {
            PaymentAttempt attempt = in(status);
            attempt.closed(NOW);
            assertEquals(status, attempt.status());
        }
    }

    @Test
    void aQueryClosesAnOpenTradeTheChannelClosedOrNeverGotAfterAMinute() {
        PaymentAttempt closedThere = in(AttemptStatus.OPEN);
        assertTrue(closedThere.closeOnQuery(true, false, NOW));
        assertEquals(AttemptStatus.CLOSED, closedThere.status());

        PaymentAttempt young = in(AttemptStatus.OPENING);
        assertFalse(young.closeOnQuery(false, true, NOW.plusSeconds(59)), "the create call may still be on its way");
        assertEquals(AttemptStatus.OPENING, young.status());
        assertTrue(young.closeOnQuery(false, true, NOW.plusSeconds(61)));
        assertEquals(AttemptStatus.CLOSED, young.status());

        PaymentAttempt payable = in(AttemptStatus.OPEN);
        assertFalse(payable.closeOnQuery(false, false, NOW.plusSeconds(3600)), "the payer can still pay it");
        assertEquals(AttemptStatus.OPEN, payable.status());

        PaymentAttempt paid = in(AttemptStatus.CAPTURED);
        assertFalse(paid.closeOnQuery(true, false, NOW), "a paid trade stays paid");
        assertEquals(AttemptStatus.CAPTURED, paid.status());
    }

    @Test
    void aPaidTradeCannotBeClosed() {
        PaymentAttempt attempt = in(AttemptStatus.CAPTURED);
        assertThrows(IllegalStateException.class, () -> attempt.closed(NOW));
        assertEquals(AttemptStatus.CAPTURED, attempt.status());
    }

    @Test
    void theChannelsMoneyIsTheTruth_aCaptureIsRecordedWhateverWeBelievedBefore() {
        for (AttemptStatus status : AttemptStatus.values()) {
            PaymentAttempt attempt = in(status);
            attempt.captured(NOW);
            assertEquals(AttemptStatus.CAPTURED, attempt.status(), "captured from " + status);
        }
    }

    @Test
    void onlyOpeningAndOpenTradesCanStillBePaid() {
        assertEquals(EnumSet.of(AttemptStatus.OPENING, AttemptStatus.OPEN),
                EnumSet.copyOf(java.util.Arrays.stream(AttemptStatus.values()).filter(AttemptStatus::isOpen).toList()));
    }
}
