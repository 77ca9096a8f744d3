package io.exactpay.domain.model.ledger;

import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.refund.Refund;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A money movement of an order, signed: a capture adds, a succeeded refund takes away. Each
 * capture and refund is posted once (unique per kind and reference), so an order's entries sum to
 * what ExactPay holds for it, and to the channels' statements.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    public enum Kind { CAPTURE, REFUND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "reference_id", nullable = false, updatable = false)
    private UUID referenceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected LedgerEntry() {
        // for JPA
    }

    private LedgerEntry(UUID orderId, Kind kind, UUID referenceId, Channel channel, long amountMinor, String currency,
                        Instant now) {
        this.orderId = orderId;
        this.kind = kind;
        this.referenceId = referenceId;
        this.channel = channel;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.postedAt = now;
    }

    public static LedgerEntry of(Capture capture, Instant now) {
        return new LedgerEntry(capture.orderId(), Kind.CAPTURE, capture.id(), capture.channel(),
                capture.amount().minorUnits(), capture.amount().currency(), now);
    }

    /** Posted when the channel confirms the money is back, never when it is merely requested. */
    public static LedgerEntry of(Refund refund, Channel channel, Instant now) {
        return new LedgerEntry(refund.orderId(), Kind.REFUND, refund.id(), channel,
                -refund.amount().minorUnits(), refund.amount().currency(), now);
    }
}
