package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.UUID;

/**
 * Something that happened to one of the system's orders, from its own subscription queue
 * {@code exactpay.events::exactpay.events.<user>}. {@code eventId} is unique per event: a
 * system that keeps it with a unique constraint has a second line of defence behind XA.
 */
public sealed interface Event permits OrderCreated, OrderPaid, PaymentRefunding, OrderClosed, RefundEvent {

    String type();

    UUID eventId();

    UUID orderId();

    String merchantOrderNo();

    JsonObject toJson();

    static Event parse(String body) {
        JsonObject json = Fields.parse(body);
        String type = Fields.type(json);
        return switch (type) {
            case OrderCreated.TYPE -> OrderCreated.from(json);
            case OrderPaid.TYPE -> OrderPaid.from(json);
            case OrderClosed.TYPE -> OrderClosed.from(json);
            default -> {
                if (PaymentRefunding.Kind.of(type) != null) yield PaymentRefunding.from(json);
                if (RefundEvent.Kind.of(type) != null) yield RefundEvent.from(json);
                throw new MalformedBodyException("unknown event type " + type);
            }
        };
    }
}
