package io.exactpay.domain.model.refund;

import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Money going back for one capture, all of it. Created REQUESTED in the transaction that recorded
 * the capture; out_refund_no makes the channel request idempotent when it is sent again.
 */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(name = "capture_id", nullable = false, updatable = false)
    private UUID captureId;

    @Column(name = "out_refund_no", nullable = false, updatable = false)
    private String outRefundNo;

    @Embedded
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private RefundReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Refund() {
        // for JPA
    }

    private Refund(Capture capture, RefundReason reason, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = capture.orderId();
        this.captureId = capture.id();
        this.outRefundNo = "R" + capture.id().toString().replace("-", "");
        this.amount = capture.amount();
        this.reason = reason;
        this.status = RefundStatus.REQUESTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The whole capture back to the payer. */
    public static Refund of(Capture capture, RefundReason reason, Instant now) {
        return new Refund(capture, reason, now);
    }

    public UUID id() {
        return id;
    }

    public String outRefundNo() {
        return outRefundNo;
    }

    public Money amount() {
        return amount;
    }

    public RefundReason reason() {
        return reason;
    }
}
