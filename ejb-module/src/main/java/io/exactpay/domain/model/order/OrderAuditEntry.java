package io.exactpay.domain.model.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an order's audit trail: who or what changed the order, its attempts or refunds, the
 * order's status before and after, and when. Only ever added (the table refuses updates and deletes).
 */
@NamedQuery(name = "OrderAuditEntry.forOrder",
        query = "select e from OrderAuditEntry e where e.orderId = :order order by e.id")
@Entity
@Table(name = "order_audit")
public class OrderAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", updatable = false)
    private OrderStatus statusBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, updatable = false)
    private OrderStatus statusAfter;

    @Column(updatable = false)
    private String detail;

    protected OrderAuditEntry() {
        // for JPA
    }

    public OrderAuditEntry(Order order, OrderStatus statusBefore, String actor, String action, String detail,
                           Instant now) {
        this.orderId = order.id();
        this.revision = order.revision();
        this.occurredAt = now;
        this.actor = Order.requireText(actor, "actor", 64);
        this.action = action;
        this.statusBefore = statusBefore;
        this.statusAfter = order.status();
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    public Long id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public int revision() {
        return revision;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public OrderStatus statusBefore() {
        return statusBefore;
    }

    public OrderStatus statusAfter() {
        return statusAfter;
    }

    public String detail() {
        return detail;
    }
}
