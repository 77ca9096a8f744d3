package io.exactpay.domain.model.payment;

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

/** Money a channel took on one attempt, with the role it plays for the order; immutable. */
@NamedQuery(name = "Capture.ofAttempt",
        query = "select c from Capture c where c.attemptId = :attempt")
@NamedQuery(name = "Capture.forOrderInRole",
        query = "select c from Capture c where c.orderId = :order and c.role = :role")
@NamedQuery(name = "Capture.forOrder",
        query = "select c from Capture c where c.orderId = :order order by c.capturedAt")
@Entity
@Table(name = "capture")
public class Capture {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(name = "attempt_id", nullable = false, updatable = false)
    private UUID attemptId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "channel_txn_id", nullable = false, updatable = false)
    private String channelTxnId;

    @Embedded
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CaptureRole role;

    @Column(name = "captured_at", nullable = false, updatable = false)
    private Instant capturedAt;

    protected Capture() {
        // for JPA
    }

    public Capture(UUID orderId, UUID attemptId, Channel channel, String channelTxnId, Money amount, CaptureRole role,
                   Instant capturedAt) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.attemptId = attemptId;
        this.channel = channel;
        this.channelTxnId = channelTxnId;
        this.amount = amount;
        this.role = role;
        this.capturedAt = capturedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID attemptId() {
        return attemptId;
    }

    public Channel channel() {
        return channel;
    }

    public String channelTxnId() {
        return channelTxnId;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public Money amount() {
        return amount;
    }

    public CaptureRole role() {
        return role;
    }
}
