package io.exactpay.application.internal;

import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.refund.RefundReason;
import io.exactpay.domain.model.refund.RefundStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The settlement counters and the settlement latency, counted only when the transaction that did
 * the work commits: a rolled-back and redelivered capture is counted once, as it is settled once.
 */
@ApplicationScoped
public class SettlementMetrics {

    private static final Metadata LATENCY = Metadata.builder().withName("exactpay_settlement_latency_ms")
            .withDescription("Callback (or query answer) accepted to the settling commit, in milliseconds")
            .withUnit(MetricUnits.NONE).build();

    @Inject
    private MetricRegistry registry;

    @Inject
    private Clock clock;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    public void orderCreated() {
        onCommit(() -> registry.counter("exactpay_orders_created").inc());
    }

    public void orderPaid() {
        onCommit(() -> registry.counter("exactpay_orders_paid").inc());
    }

    public void orderClosed() {
        onCommit(() -> registry.counter("exactpay_orders_closed").inc());
    }

    public void orderRefunded() {
        onCommit(() -> registry.counter("exactpay_orders_refunded").inc());
    }

    public void captured(CaptureRole role, Channel channel) {
        onCommit(() -> registry.counter("exactpay_captures", new Tag("role", role.name()),
                new Tag("channel", channel.name())).inc());
    }

    public void refund(RefundReason reason, RefundStatus status) {
        onCommit(() -> registry.counter("exactpay_refunds", new Tag("reason", reason.name()),
                new Tag("status", status.name())).inc());
    }

    /**
     * From the moment ExactPay accepted the channel's word to the commit of what it changed, in
     * milliseconds (a histogram: count, sum, max and quantiles per event).
     */
    public void settled(String what, Instant acceptedAt) {
        if (acceptedAt == null) return;
        onCommit(() -> registry.histogram(LATENCY, new Tag("event", what))
                .update(Duration.between(acceptedAt, clock.instant()).toMillis()));
    }

    /** Counted at once: a rejected callback's transaction is rolled back on purpose. */
    public void callbackRejected(Channel channel, String reason) {
        registry.counter("exactpay_callback_verification_failures", new Tag("channel", channel.name()),
                new Tag("reason", reason)).inc();
    }

    private void onCommit(Runnable count) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) count.run();
            }
        });
    }
}
