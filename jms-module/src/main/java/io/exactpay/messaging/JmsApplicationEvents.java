package io.exactpay.messaging;

import io.exactpay.application.ApplicationEvents;
import io.exactpay.application.OrderView;
import io.exactpay.application.RefundView;
import io.exactpay.application.webhook.WebhookOutbox;
import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.messaging.contract.Events;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Publishes domain events to the {@code exactpay.events} address through the XA connection pool,
 * inside the caller's transaction: an event is delivered only if the change behind it commits.
 * The same transaction records the event for the client's webhook endpoints (the outbox).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JmsApplicationEvents implements ApplicationEvents {

    @Resource(lookup = "jms/exactpay")
    private ConnectionFactory connectionFactory;

    @Inject
    private WebhookOutbox webhooks;

    @Override
    public void orderCreated(OrderView order) {
        publish(order, "OrderCreated", Events.orderCreated(UUID.randomUUID(), order));
    }

    @Override
    public void orderPaid(OrderView order, Channel channel) {
        publish(order, "OrderPaid", Events.orderPaid(UUID.randomUUID(), order, channel.name()));
    }

    @Override
    public void paymentRefunding(OrderView order, Channel channel, CaptureRole role, String outRefundNo,
                                 long amountMinor, String currency) {
        String type = switch (role) {
            case DUPLICATE -> "DuplicatePaymentRefunding";
            case LATE -> "LatePaymentRefunding";
            case MISMATCHED -> "MismatchedPaymentRefunding";
            case PRIMARY -> throw new IllegalArgumentException("the order's own payment is not refunded as extra money");
        };
        publish(order, type, Events.paymentRefunding(type, UUID.randomUUID(), order, channel.name(),
                outRefundNo, amountMinor, currency));
    }

    @Override
    public void orderClosed(OrderView order) {
        publish(order, "OrderClosed", Events.orderClosed(UUID.randomUUID(), order));
    }

    @Override
    public void orderRefunding(OrderView order, RefundView refund) {
        publish(order, "OrderRefunding", Events.refund("OrderRefunding", UUID.randomUUID(), order, refund));
    }

    @Override
    public void orderRefunded(OrderView order, RefundView refund) {
        publish(order, "OrderRefunded", Events.refund("OrderRefunded", UUID.randomUUID(), order, refund));
    }

    @Override
    public void refundSucceeded(OrderView order, RefundView refund) {
        publish(order, "RefundSucceeded", Events.refund("RefundSucceeded", UUID.randomUUID(), order, refund));
    }

    @Override
    public void refundFailed(OrderView order, RefundView refund) {
        publish(order, "RefundFailed", Events.refund("RefundFailed", UUID.randomUUID(), order, refund));
    }

    private void publish(OrderView order, String type, String body) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    // One consumer sees one order's events in order.
                    .setProperty("JMSXGroupID", order.id().toString())
                    .setProperty("type", type)
                    .setProperty("orderId", order.id().toString())
                    // A legacy system's subscription selects its own orders' events by this.
                    .setProperty("clientId", order.clientId())
                    .send(context.createTopic(Events.ADDRESS), body);
        }
        webhooks.record(order, type, body);
    }
}
