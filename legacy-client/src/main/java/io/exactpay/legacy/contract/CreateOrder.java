package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

/** Place an order for the sender (create-order.schema.json); answered by {@link OrderPlaced} or {@link CommandError}. */
public record CreateOrder(String messageId, String merchantOrderNo, long amount, String currency, String subject)
        implements Command {

    public static final String TYPE = "CreateOrder";

    public CreateOrder {
        Fields.text("messageId", messageId, 64);
        Fields.text("merchantOrderNo", merchantOrderNo, 64);
        Fields.positive("amount", amount);
        Fields.currency(currency);
        Fields.text("subject", subject, 128);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("messageId", messageId).add("merchantOrderNo", merchantOrderNo)
                .add("amount", amount).add("currency", currency).add("subject", subject).build();
    }
}
