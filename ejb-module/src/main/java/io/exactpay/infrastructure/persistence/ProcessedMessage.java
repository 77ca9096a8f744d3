package io.exactpay.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A command message that was acted on; its primary key makes a second effect impossible. */
@Entity
@Table(name = "processed_message")
public class ProcessedMessage {

    @Id
    @Column(name = "message_id")
    private String messageId;

    @Column(nullable = false, updatable = false)
    private String consumer;

    @Column(name = "delivery_attempt", nullable = false, updatable = false)
    private int deliveryAttempt;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(name = "order_revision", nullable = false, updatable = false)
    private int orderRevision;

    @Column(name = "processed_at", nullable = false, updatable = false)
    private Instant processedAt;

    protected ProcessedMessage() {
        // for JPA
    }

    ProcessedMessage(String messageId, String consumer, int deliveryAttempt, UUID orderId, int orderRevision,
                     Instant processedAt) {
        this.messageId = messageId;
        this.consumer = consumer;
        this.deliveryAttempt = deliveryAttempt;
        this.orderId = orderId;
        this.orderRevision = orderRevision;
        this.processedAt = processedAt;
    }

    public int orderRevision() {
        return orderRevision;
    }
}
