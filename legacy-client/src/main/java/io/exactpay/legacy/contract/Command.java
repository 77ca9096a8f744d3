package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

/**
 * A command for ExactPay's queue {@code exactpay.order.commands}. Each carries the sender's own
 * {@code messageId}: ExactPay carries out a command once per sender and id, and answers a repeat
 * with the first result. The sender is the broker user the kit connects as, never a field.
 */
public sealed interface Command permits CreateOrder, CancelOrder, QueryOrder, AddOrderRemark {

    int SCHEMA_VERSION = 1;

    String messageId();

    /** The {@code type} on the wire, e.g. {@code CancelOrder}. */
    String type();

    /** The body ExactPay reads (jms-module's schemas/*.schema.json). */
    JsonObject toJson();

    default String toJsonText() {
        return toJson().toString();
    }
}
