package io.exactpay.domain.model.refund;

import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Money going back for one capture, all of it. Created REQUESTED in the transaction that recorded
 * the capture (or cancelled the paid order); out_refund_no makes the channel request idempotent
 * when it is sent again. SUBMITTED once the channel accepted it, SUCCEEDED when the channel says
 * the money is back, FAILED when the channel refused it or never answered: that needs a person.
 * A channel's word of success is the truth even after FAILED (the money is back), so a FAILED
 * refund can still succeed; nothing leaves SUCCEEDED.
 */
@NamedQuery(name = "Refund.byOutRefundNo",
        query = "select r from Refund r where r.outRefundNo = :outRefundNo")
@NamedQuery(name = "Refund.forOrder",
        query = "select r from Refund r where r.orderId = :order order by r.createdAt")
@NamedQuery(name = "Refund.inStatus",
        query = "select r from Refund r where r.status = :status order by r.updatedAt")
@NamedQuery(name = "Refund.notCheckedSince",
        query = "select r.id from Refund r where r.status in :states"
        + " and ((r.checkedAt is null and r.updatedAt < :since) or r.checkedAt < :since) order by r.updatedAt")
@NamedQuery(name = "Refund.countIn",
        query = "select count(r) from Refund r where r.status in :states")
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

    @Column(name = "channel_refund_id")
    private String channelRefundId;

    @Column(name = "failure")
    private String failure;

    @Column(nullable = false)
    private int submissions;

    @Column(name = "checked_at")
    private Instant checkedAt;

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

    /** The channel accepted the request (sent once more on every redelivery; it deduplicates). */
    public void submitted(String channelRefundId, Instant now) {
        submissions++;
        if (status == RefundStatus.REQUESTED) status = RefundStatus.SUBMITTED;
        if (channelRefundId != null) this.channelRefundId = channelRefundId;
        this.updatedAt = now;
    }

    /** True when this call moved it to SUCCEEDED; a repeat of the channel's word changes nothing. */
    public boolean succeeded(String channelRefundId, Instant now) {
        if (status == RefundStatus.SUCCEEDED) return false;
        status = RefundStatus.SUCCEEDED;
        if (channelRefundId != null) this.channelRefundId = channelRefundId;
        this.updatedAt = now;
        return true;
    }

    /** True when this call moved it to FAILED. */
    public boolean failed(String why, Instant now) {
        if (status == RefundStatus.SUCCEEDED) {
            throw new IllegalStateException("refund " + outRefundNo + " already succeeded");
        }
        if (status == RefundStatus.FAILED) return false;
        status = RefundStatus.FAILED;
        this.failure = why.length() > 300 ? why.substring(0, 300) : why;
        this.updatedAt = now;
        return true;
    }

    /** Support asks for another try after a FAILED refund. */
    public void retry(Instant now) {
        if (status != RefundStatus.FAILED) {
            throw new IllegalStateException("refund " + outRefundNo + " is " + status + ", not FAILED");
        }
        status = RefundStatus.REQUESTED;
        this.failure = null;
        this.updatedAt = now;
    }

    public void checked(Instant now) {
        this.checkedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID captureId() {
        return captureId;
    }

    public RefundStatus status() {
        return status;
    }

    public String channelRefundId() {
        return channelRefundId;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
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
