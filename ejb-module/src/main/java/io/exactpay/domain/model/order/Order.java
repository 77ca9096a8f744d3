package io.exactpay.domain.model.order;

import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/**
 * An order a merchant's customer pays for: the aggregate that owns the order's money state.
 *
 * <p>Lifecycle (docs/state-machines.md): created PENDING with an expiry from the server clock. The
 * first capture makes it PAID; a cancel or the expiry makes a PENDING order CLOSING until every open
 * channel trade is confirmed closed (or captured), then CLOSED. A paid order cancelled for a reason
 * that allows it goes REFUNDING, then REFUNDED when its payment is back with the payer. Every
 * change bumps its revision, so a reader can tell one version of the order from the next. Changes are made only
 * under the order's row lock ({@link OrderRepository#findForUpdate}), which is what serializes
 * concurrent commands for one order across threads and instances.
 */
@NamedQuery(name = "Order.byMerchantOrderNo",
        query = "select o from Order o where o.clientId = :client and o.merchantOrderNo = :no")
@NamedQuery(name = "Order.idOfClient",
        query = "select o.id from Order o where o.id = :id and o.clientId = :client")
@NamedQuery(name = "Order.dueBy",
        query = "select o.id from Order o where o.status = :status and o.expiresAt <= :now order by o.expiresAt")
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(name = "merchant_order_no", nullable = false, updatable = false)
    private String merchantOrderNo;

    @Embedded
    private Money amount;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private int revision;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    private CancelReason cancelReason;

    protected Order() {
        // for JPA
    }

    private Order(UUID id, String clientId, String merchantOrderNo, Money amount, String subject,
                  Instant now, Duration timeToPay) {
        this.id = id;
        this.clientId = requireText(clientId, "clientId", 64);
        this.merchantOrderNo = requireText(merchantOrderNo, "merchantOrderNo", 64);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.subject = requireText(subject, "subject", 128);
        this.status = OrderStatus.PENDING;
        this.revision = 1;
        this.createdAt = now;
        this.expiresAt = now.plus(timeToPay);
    }

    public static Order place(String clientId, String merchantOrderNo, Money amount, String subject,
                              Instant now, Duration timeToPay) {
        return new Order(UUID.randomUUID(), clientId, merchantOrderNo, amount, subject, now, timeToPay);
    }

    /** A new payment attempt may start only on a PENDING order within its time to pay. */
    public void checkPayable(Instant now) throws OrderNotPayableException {
        if (status != OrderStatus.PENDING) {
            throw new OrderNotPayableException("Order " + id + " is " + status + ", not PENDING");
        }
        if (!now.isBefore(expiresAt)) {
            throw new OrderNotPayableException("Order " + id + " expired at " + expiresAt);
        }
    }

    /**
     * A channel took money for this order: the first capture on a PENDING order pays it; any other
     * is a DUPLICATE (already paid) or LATE (closing or closed) and must be refunded by the caller.
     * A capture of another amount or currency is real money at the channel but cannot pay this
     * order: it is MISMATCHED, leaves the order's state as it is, and must be refunded as well.
     */
    public CaptureRole recordCapture(Money captured) {
        revision++;
        if (!captured.equals(amount)) return CaptureRole.MISMATCHED;
        return switch (status) {
            case PENDING -> {
                status = OrderStatus.PAID;
                yield CaptureRole.PRIMARY;
            }
            case PAID, REFUNDING, REFUNDED -> CaptureRole.DUPLICATE;
            case CLOSING, CLOSED -> CaptureRole.LATE;
        };
    }

    /**
     * Cancels the order for {@code reason}: PENDING goes CLOSING (the caller closes its open
     * trades); PAID goes REFUNDING when the reason refunds a paid order (the caller requests the
     * refund of its payment). An order already cancelled or refunded is left as it is, and so is
     * a paid order that merely expired.
     */
    public CancelOutcome cancel(CancelReason reason, Instant now) throws IllegalTransitionException {
        switch (status) {
            case PENDING -> {
                if (reason == CancelReason.EXPIRED && now.isBefore(expiresAt)) {
                    throw new IllegalTransitionException(status, "Order " + id + " expires only at " + expiresAt);
                }
                moveTo(OrderStatus.CLOSING);
                cancelReason = reason;
                return CancelOutcome.CLOSING;
            }
            case PAID -> {
                if (reason == CancelReason.EXPIRED) return CancelOutcome.UNCHANGED;
                if (status.refusesCancel(reason)) {
                    throw new IllegalTransitionException(status, "Order " + id
                            + " is paid; only its merchant or support can cancel it, with a full refund");
                }
                moveTo(OrderStatus.REFUNDING);
                cancelReason = reason;
                return CancelOutcome.REFUNDING;
            }
            default -> {
                return CancelOutcome.UNCHANGED;
            }
        }
    }

    /** Support refunds a paid order in full by hand: PAID goes REFUNDING. */
    public void refundInFull() throws IllegalTransitionException {
        if (status != OrderStatus.PAID) {
            throw new IllegalTransitionException(status, "Order " + id + " is " + status + "; only a PAID order can be refunded");
        }
        moveTo(OrderStatus.REFUNDING);
        cancelReason = CancelReason.SUPPORT;
    }

    /**
     * A CLOSING order closes once none of its channel trades (these attempts, all of its own) can
     * still be paid. True when this call closed it.
     */
    public boolean closeIfNoTradeOpen(Collection<PaymentAttempt> attempts) {
        return closeIfNoTradeOpen(attempts.stream().anyMatch(attempt -> attempt.status().isOpen()));
    }

    /**
     * A CLOSING order closes once none of its channel trades can still be paid. True when this
     * call closed it.
     */
    public boolean closeIfNoTradeOpen(boolean anyTradeOpen) {
        if (status != OrderStatus.CLOSING || anyTradeOpen) return false;
        moveTo(OrderStatus.CLOSED);
        return true;
    }

    /**
     * One of this order's refunds succeeded. Only the refund of its own payment (a merchant's or
     * support's cancel, a manual refund) ends a REFUNDING order as REFUNDED; the refund of an extra
     * capture (a duplicate or late payment) changes nothing here. True when the order is now REFUNDED.
     */
    public boolean refundSucceeded(RefundReason reason) {
        if (!reason.refundsTheOrder() || status != OrderStatus.REFUNDING) return false;
        paymentRefunded();
        return true;
    }

    /** The refund of the order's own payment succeeded: REFUNDING goes REFUNDED. */
    public void paymentRefunded() {
        if (status != OrderStatus.REFUNDING) {
            throw new IllegalStateException("Order " + id + " is " + status + ", not REFUNDING");
        }
        moveTo(OrderStatus.REFUNDED);
    }

    private void moveTo(OrderStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("Order " + id + " cannot move from " + status + " to " + target);
        }
        status = target;
        revision++;
    }

    /** Attaches a remark; it becomes the order's next revision. */
    public OrderRemark addRemark(String author, String text, Instant now) {
        requireText(author, "author", 64);
        requireText(text, "text", 500);
        revision++;
        return new OrderRemark(this, revision, author, text, now);
    }

    static String requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public UUID id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String merchantOrderNo() {
        return merchantOrderNo;
    }

    public Money amount() {
        return amount;
    }

    public String subject() {
        return subject;
    }

    public OrderStatus status() {
        return status;
    }

    public int revision() {
        return revision;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }
}
