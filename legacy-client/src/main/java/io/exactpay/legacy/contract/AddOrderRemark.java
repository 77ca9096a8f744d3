package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.Objects;
import java.util.UUID;

/** A note on one of the sender's orders (add-order-remark.schema.json); answered by {@link RemarkAdded}. */
public record AddOrderRemark(String messageId, UUID orderId, String author, String text) implements Command {

    public static final String TYPE = "AddOrderRemark";

    public AddOrderRemark {
        Fields.text("messageId", messageId, 64);
        Objects.requireNonNull(orderId, "orderId");
        Fields.text("author", author, 64);
        Fields.text("text", text, 500);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("messageId", messageId).add("orderId", orderId.toString())
                .add("author", author).add("text", text).build();
    }
}
