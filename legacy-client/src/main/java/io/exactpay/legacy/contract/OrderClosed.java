package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.UUID;

/** A cancelled order is CLOSED: none of its trades can be paid any more (order-closed.schema.json). */
public record OrderClosed(UUID eventId, UUID orderId, String merchantOrderNo, OrderStatus orderStatus)
        implements Event {

    public static final String TYPE = "OrderClosed";

    static OrderClosed from(JsonObject json) {
        return new OrderClosed(Fields.uuid(json, "eventId"), Fields.uuid(json, "orderId"),
                Fields.string(json, "merchantOrderNo"), Fields.constant(json, "orderStatus", OrderStatus.class));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("eventId", eventId.toString()).add("orderId", orderId.toString())
                .add("merchantOrderNo", merchantOrderNo).add("orderStatus", orderStatus.name()).build();
    }
}
