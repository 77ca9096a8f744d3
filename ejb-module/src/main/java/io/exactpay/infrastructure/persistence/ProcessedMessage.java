package io.exactpay.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A command message that was acted on; its primary key, the sender's client id and its message
 * id, makes a second effect impossible.
 */
@Entity
@Table(name = "processed_message")
@IdClass(ProcessedMessage.Key.class)
public class ProcessedMessage {

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Id
    @Column(name = "message_id")
    private String messageId;

    @Column(nullable = false, updatable = false)
    private String command;

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

    ProcessedMessage(String clientId, String messageId, String command, String consumer, int deliveryAttempt,
                     UUID orderId, int orderRevision, Instant processedAt) {
        this.clientId = clientId;
        this.messageId = messageId;
        this.command = command;
        this.consumer = consumer;
        this.deliveryAttempt = deliveryAttempt;
        this.orderId = orderId;
        this.orderRevision = orderRevision;
        this.processedAt = processedAt;
    }

    String command() {
        return command;
    }

    UUID orderId() {
        return orderId;
    }

    int orderRevision() {
        return orderRevision;
    }

    /** The primary key: a message id is unique per sender. */
    public static class Key implements Serializable {

        private String clientId;
        private String messageId;

        public Key() {
            // for JPA
        }

        Key(String clientId, String messageId) {
            this.clientId = clientId;
            this.messageId = messageId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(messageId, k.messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, messageId);
        }
    }
}
