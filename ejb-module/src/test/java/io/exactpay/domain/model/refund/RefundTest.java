package io.exactpay.domain.model.refund;

import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefundTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);

    private static Capture capture() {
        return new Capture(UUID.randomUUID(), UUID.randomUUID(), Channel.ALIPAY, "2026112522001", Money.of(2500, "CNY"),
                CaptureRole.DUPLICATE, NOW);
    }

    private static Refund requested() {
        return Refund.of(capture(), RefundReason.DUPLICATE_PAYMENT, NOW);
    }

    private static Refund failed() {
        Refund refund = requested();
        assertTrue(refund.failed("refused by ALIPAY: ACQ.TRADE_HAS_CLOSE", NOW));
        return refund;
    }

    @Test
    void aRefundIsOwedForTheWholeCaptureUnderAnOutRefundNoOfItsOwn() {
        Capture capture = capture();
        Refund refund = Refund.of(capture, RefundReason.PAID_AFTER_CANCEL, NOW);
        assertEquals(RefundStatus.REQUESTED, refund.status());
        assertEquals(capture.amount(), refund.amount());
        assertEquals(capture.orderId(), refund.orderId());
        assertEquals(capture.id(), refund.captureId());
        assertEquals(RefundReason.PAID_AFTER_CANCEL, refund.reason());
        assertTrue(refund.outRefundNo().matches("R[0-9a-f]{32}"), refund.outRefundNo());
        assertEquals(refund.outRefundNo(), Refund.of(capture, RefundReason.PAID_AFTER_CANCEL, LATER).outRefundNo(),
                "the same capture's refund has the same out_refund_no, so the channel deduplicates a resend");
        assertNotEquals(refund.outRefundNo(), requested().outRefundNo());
    }

    @Test
    void theChannelAcceptingItMakesItSubmittedAndEverySendIsCounted() {
        Refund refund = requested();
        refund.submitted("RF-1", NOW);
        assertEquals(RefundStatus.SUBMITTED, refund.status());
        assertEquals("RF-1", refund.channelRefundId());
        refund.submitted(null, LATER);
        assertEquals(RefundStatus.SUBMITTED, refund.status());
        assertEquals("RF-1", refund.channelRefundId(), "a later answer without an id keeps the channel's id");
        assertEquals(LATER, refund.updatedAt());
    }

    @Test
    void theChannelsWordOfSuccessSettlesItOnce() {
        Refund refund = requested();
        refund.submitted("RF-1", NOW);
        assertTrue(refund.succeeded("RF-1", LATER));
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertFalse(refund.succeeded("RF-1", LATER), "the same word again changes nothing");
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
    }

    @Test
    void aSuccessCanComeBeforeTheSubmissionWasRecorded() {
        Refund refund = requested();
        assertTrue(refund.succeeded("RF-9", NOW));
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertEquals("RF-9", refund.channelRefundId());
    }

    @Test
    void nothingLeavesSucceeded() {
        Refund refund = requested();
        refund.succeeded("RF-1", NOW);
        assertThrows(IllegalStateException.class, () -> refund.failed("timed out", LATER));
        assertThrows(IllegalStateException.class, () -> refund.retry(LATER));
        refund.submitted("RF-1", LATER);
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
    }

    @Test
    void aRefusedRefundIsFailedOnceWithAShortReason() {
        Refund refund = requested();
        refund.submitted("RF-1", NOW);
        assertTrue(refund.failed("x".repeat(400), LATER));
        assertEquals(RefundStatus.FAILED, refund.status());
        assertEquals(300, refund.failure().length());
        assertFalse(refund.failed("again", LATER), "already FAILED: nothing changes");
        assertEquals("x".repeat(300), refund.failure());
    }

    @Test
    void theChannelsWordOfSuccessWinsOverFailed_theMoneyIsBack() {
        Refund refund = failed();
        assertTrue(refund.succeeded("RF-2", LATER));
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
    }

    @Test
    void aResendOfAFailedRefundDoesNotReviveIt() {
        Refund refund = failed();
        refund.submitted("RF-3", LATER);
        assertEquals(RefundStatus.FAILED, refund.status(), "only support's retry sends a FAILED refund again");
    }

    @Test
    void supportsRetryRequestsAFailedRefundAgain() {
        Refund refund = failed();
        refund.retry(LATER);
        assertEquals(RefundStatus.REQUESTED, refund.status());
        assertNull(refund.failure());
        assertTrue(refund.status().isUnsettled());
    }

    @Test
    void onlyAFailedRefundCanBeRetried() {
        Refund requested = requested();
        assertThrows(IllegalStateException.class, () -> requested.retry(NOW));
        Refund submitted = requested();
        submitted.submitted("RF-1", NOW);
        assertThrows(IllegalStateException.class, () -> submitted.retry(NOW));
        assertEquals(RefundStatus.SUBMITTED, submitted.status());
    }

    @Test
    void requestedAndSubmittedAreStillOwedToThePayer() {
        assertEquals(EnumSet.of(RefundStatus.REQUESTED, RefundStatus.SUBMITTED),
                EnumSet.copyOf(Arrays.stream(RefundStatus.values()).filter(RefundStatus::isUnsettled).toList()));
    }

    @Test
    void onlyACancelsOrSupportsRefundGivesBackTheOrdersOwnPayment() {
        assertEquals(EnumSet.of(RefundReason.ORDER_CANCELLED, RefundReason.MANUAL),
                EnumSet.copyOf(Arrays.stream(RefundReason.values()).filter(RefundReason::refundsTheOrder).toList()));
    }
}
