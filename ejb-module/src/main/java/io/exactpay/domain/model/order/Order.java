package io.exactpay.domain.model.order;

import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order a merchant's customer pays for: the aggregate that owns the order's money state.
 *
 * <p>Lifecycle: created PENDING with an expiry from the server clock; every change bumps its
 * revision, so a reader can tell one version of the order from the next. Changes are made only
 * under the order's row lock ({@link OrderRepository#findForUpdate}), which is what serializes
 * concurrent commands for one order across threads and instances.
 */
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
     */
    public CaptureRole recordCapture(Money captured) {
        if (!captured.equals(amount)) {
            throw new IllegalArgumentException("capture of " + captured + " on order " + id + " of " + amount);
        }
        revision++;
        return switch (status) {
            case PENDING -> {
                status = OrderStatus.PAID;
                yield CaptureRole.PRIMARY;
            }
            case PAID, REFUNDING, REFUNDED -> CaptureRole.DUPLICATE;
            case CLOSING, CLOSED -> CaptureRole.LATE;
        };
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
}
