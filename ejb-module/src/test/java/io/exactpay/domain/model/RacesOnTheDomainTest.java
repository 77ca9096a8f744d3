package io.exactpay.domain.model;

import io.exactpay.domain.model.order.CancelOutcome;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.AttemptStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.model.refund.RefundStatus;
import io.exactpay.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decisions the settlement and cancellation services take under an order's lock, taken here
 * on the aggregates alone, in each order of arrival of the two races: which capture keeps the
 * money, which is refunded and why, when the order closes or is refunded, and what it keeps at
 * the end (captures less succeeded refunds, as the invariant checker counts).
 */
class RacesOnTheDomainTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Money AMOUNT = Money.of(2500, "CNY");

    /** One order with its attempts, captures and refunds, settled the way the services settle them. */
    private static final class Books {
        final Order order = Order.place("portal-a", "M-1", AMOUNT, "Tea set", NOW, Duration.ofMinutes(30));
        final List<PaymentAttempt> attempts = new ArrayList<>();
        final List<Capture> captures = new ArrayList<>();
        final List<Refund> refunds = new ArrayList<>();

        PaymentAttempt open(Channel channel) {
            PaymentAttempt attempt = PaymentAttempt.open(order.id(), channel, AMOUNT, NOW);
            attempt.opened("qr", NOW);
            attempts.add(attempt);
            return attempt;
        }

        /** As the settlement service: the role decides whether money is owed back at once. */
        CaptureRole capture(PaymentAttempt attempt) {
            CaptureRole role = order.recordCapture(attempt.amount());
            attempt.captured(NOW);
            Capture capture = new Capture(order.id(), attempt.id(), attempt.channel(), "T-" + attempt.outTradeNo(),
                    attempt.amount(), role, NOW);
            captures.add(capture);
            if (!role.keepsMoney()) {
                refunds.add(Refund.of(capture, role == CaptureRole.DUPLICATE
                        ? RefundReason.DUPLICATE_PAYMENT : RefundReason.PAID_AFTER_CANCEL, NOW));
                order.closeIfNoTradeOpen(anyTradeOpen());
            }
            return role;
        }

        /** As the cancellation service. */
        CancelOutcome cancel(CancelReason reason) throws IllegalTransitionException {
            CancelOutcome outcome = order.cancel(reason, NOW.plus(Duration.ofHours(1)));
            if (outcome == CancelOutcome.CLOSING) order.closeIfNoTradeOpen(anyTradeOpen());
            if (outcome == CancelOutcome.REFUNDING) {
                Capture primary = captures.stream().filter(c -> c.role() == CaptureRole.PRIMARY).findFirst().orElseThrow();
                refunds.add(Refund.of(primary, RefundReason.ORDER_CANCELLED, NOW));
            }
            return outcome;
        }

        /** As the close consumer once the channel confirmed the trade closed. */
        void closed(PaymentAttempt attempt) {
            attempt.closed(NOW);
            order.closeIfNoTradeOpen(anyTradeOpen());
        }

        /** As the refund consumer on the channel's word: the order's own payment back ends a refunding order. */
        void settleRefunds() {
            for (Refund refund : refunds) {
                if (refund.succeeded("RF-" + refund.outRefundNo(), NOW) && refund.reason().refundsTheOrder()
                        && order.status() == OrderStatus.REFUNDING) {
                    order.paymentRefunded();
                }
            }
        }

        boolean anyTradeOpen() {
            return attempts.stream().anyMatch(a -> a.status().isOpen());
        }

        long kept() {
            return captures.stream().mapToLong(c -> c.amount().minorUnits()).sum()
                    - refunds.stream().filter(r -> r.status() == RefundStatus.SUCCEEDED)
                    .mapToLong(r -> r.amount().minorUnits()).sum();
        }

        long refundsFor(RefundReason reason) {
            return refunds.stream().filter(r -> r.reason() == reason).count();
        }
    }

    @Test
    void bothChannelsPay_theFirstSettledKeepsTheMoneyTheSecondIsRefundedOnce() {
        Books books = new Books();
        PaymentAttempt wechat = books.open(Channel.WECHAT_PAY);
        PaymentAttempt alipay = books.open(Channel.ALIPAY);

        assertEquals(CaptureRole.PRIMARY, books.capture(alipay));
        assertTrue(books.anyTradeOpen(), "the other trade is still open: the settlement queues its close");
        assertEquals(CaptureRole.DUPLICATE, books.capture(wechat));
        assertEquals(1, books.refundsFor(RefundReason.DUPLICATE_PAYMENT));
        assertEquals(2 * AMOUNT.minorUnits(), books.kept(), "until the refund settles");

        books.settleRefunds();
        assertEquals(OrderStatus.PAID, books.order.status());
        assertEquals(AMOUNT.minorUnits(), books.kept());
        assertEquals(1, books.refunds.size());
    }

    @Test
    void cancelFirst_theOrderClosesOnceEveryTradeIsClosedAndKeepsNothing() throws Exception {
        Books books = new Books();
        PaymentAttempt wechat = books.open(Channel.WECHAT_PAY);
        PaymentAttempt alipay = books.open(Channel.ALIPAY);

        assertEquals(CancelOutcome.CLOSING, books.cancel(CancelReason.PAYER_REQUEST));
        books.closed(wechat);
        assertEquals(OrderStatus.CLOSING, books.order.status(), "one trade can still be paid");
        books.closed(alipay);
        assertEquals(OrderStatus.CLOSED, books.order.status());
        assertEquals(0, books.kept());
    }

    @Test
    void cancelFirstButThePayerWinsAtTheChannel_theLateCaptureIsRefundedAndTheOrderClosed() throws Exception {
        Books books = new Books();
        PaymentAttempt wechat = books.open(Channel.WECHAT_PAY);

        assertEquals(CancelOutcome.CLOSING, books.cancel(CancelReason.EXPIRED));
        assertEquals(CaptureRole.LATE, books.capture(wechat), "the close lost the race: the capture is taken in");
        assertEquals(OrderStatus.CLOSED, books.order.status(), "its last open trade is settled");
        assertEquals(1, books.refundsFor(RefundReason.PAID_AFTER_CANCEL));

        books.settleRefunds();
        assertEquals(OrderStatus.CLOSED, books.order.status());
        assertEquals(0, books.kept());
    }

    @Test
    void payFirstThenAMerchantsCancel_thePaymentIsRefundedAndTheOrderEndsRefunded() throws Exception {
        Books books = new Books();
        PaymentAttempt alipay = books.open(Channel.ALIPAY);
        books.capture(alipay);

        assertEquals(CancelOutcome.REFUNDING, books.cancel(CancelReason.MERCHANT_REQUEST));
        assertEquals(1, books.refundsFor(RefundReason.ORDER_CANCELLED));
        assertEquals(OrderStatus.REFUNDING, books.order.status());

        books.settleRefunds();
        assertEquals(OrderStatus.REFUNDED, books.order.status());
        assertEquals(0, books.kept());
    }

    @Test
    void payFirstThenThePayersCancelOrTheExpiry_theOrderStaysPaidWithItsAmount() throws Exception {
        Books books = new Books();
        books.capture(books.open(Channel.WECHAT_PAY));

        assertThrows(IllegalTransitionException.class, () -> books.cancel(CancelReason.PAYER_REQUEST));
        assertEquals(CancelOutcome.UNCHANGED, books.cancel(CancelReason.EXPIRED));
        assertEquals(OrderStatus.PAID, books.order.status());
        assertTrue(books.refunds.isEmpty());
        assertEquals(AMOUNT.minorUnits(), books.kept());
    }

    @Test
    void aDuplicateOnARefundingOrder_isRefundedOnItsOwnAndDoesNotEndTheOrder() throws Exception {
        Books books = new Books();
        PaymentAttempt wechat = books.open(Channel.WECHAT_PAY);
        PaymentAttempt alipay = books.open(Channel.ALIPAY);
        books.capture(wechat);
        books.cancel(CancelReason.SUPPORT);

        assertEquals(CaptureRole.DUPLICATE, books.capture(alipay));
        assertEquals(OrderStatus.REFUNDING, books.order.status());
        Refund duplicate = books.refunds.stream().filter(r -> r.reason() == RefundReason.DUPLICATE_PAYMENT)
                .findFirst().orElseThrow();
        assertFalse(duplicate.reason().refundsTheOrder(), "its success must not end the order's own refund");

        books.settleRefunds();
        assertEquals(OrderStatus.REFUNDED, books.order.status());
        assertEquals(0, books.kept());
        assertEquals(AttemptStatus.CAPTURED, alipay.status());
    }
}
