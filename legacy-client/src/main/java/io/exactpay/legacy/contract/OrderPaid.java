package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.UUID;

/** An order of this system is paid, on {@code channel} (WECHAT_PAY or ALIPAY). */
public record OrderPaid(UUID eventId, UUID orderId, String merchantOrderNo, String channel, long amount,
                        String currency) implements Event {

    public static final String TYPE = "OrderPaid";

    static OrderPaid from(JsonObject json) {
        return new OrderPaid(Fields.uuid(json, "eventId"), Fields.uuid(json, "orderId"),
                Fields.string(json, "merchantOrderNo"), Fields.string(json, "channel"),
                Fields.integer(json, "amount"), Fields.string(json, "currency"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("eventId", eventId.toString()).add("orderId", orderId.toString())
                .add("merchantOrderNo", merchantOrderNo).add("channel", channel).add("amount", amount)
                .add("currency", currency).build();
    }
}
