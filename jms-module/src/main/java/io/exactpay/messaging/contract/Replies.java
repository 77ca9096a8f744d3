package io.exactpay.messaging.contract;

import io.exactpay.application.OrderPlacement;
import io.exactpay.application.OrderView;
import io.exactpay.application.RemarkAdded;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.UUID;

/**
 * Reply bodies for request/reply callers (JMSReplyTo + JMSCorrelationID). A command that was
 * carried out is answered with its result; a valid command that met a business rule with
 * CommandError (nothing changed, nothing dead-lettered); a command that cannot be processed with
 * CommandRejected (and it is dead-lettered).
 */
public final class Replies {

    /** Looked up once: {@code Json.create...} asks the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** CommandError codes, the same names as the HTTP API's problem types. */
    public static final String ORDER_EXISTS = "order-exists";
    public static final String ORDER_NOT_FOUND = "order-not-found";
    public static final String MESSAGE_ID_REUSED = "message-id-reused";
    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    public static final String VALIDATION = "validation";

    private Replies() {
    }

    public static String remarkAdded(RemarkAdded result) {
        return JSON.createObjectBuilder()
                .add("type", "RemarkAdded")
                .add("schemaVersion", 1)
                .add("orderId", result.orderId().toString())
                .add("revision", result.revision())
                .add("replayed", result.replayed())
                .build().toString();
    }

    /** The answer to CreateOrder (schemas/order-placed.schema.json, schemas/command-error.schema.json). */
    public static String orderPlacement(OrderPlacement placement) {
        if (placement instanceof OrderPlacement.Placed placed) return orderPlaced(placed.order(), placed.replayed());
        if (placement instanceof OrderPlacement.MerchantOrderNoTaken taken) {
            return error(OrderCommand.CreateOrder.TYPE, ORDER_EXISTS,
                    "Merchant order number " + taken.merchantOrderNo() + " is already used", taken.existingOrderId());
        }
        if (placement instanceof OrderPlacement.MessageIdReused reused) {
            return error(OrderCommand.CreateOrder.TYPE, MESSAGE_ID_REUSED, "Message id " + reused.messageId()
                    + " was used before for another command", reused.orderId());
        }
        throw new IllegalArgumentException("No reply for " + placement);
    }

    /** What does not change after placement, so that a replay is answered with the same body. */
    private static String orderPlaced(OrderView order, boolean replayed) {
        return JSON.createObjectBuilder()
                .add("type", "OrderPlaced")
                .add("schemaVersion", 1)
                .add("orderId", order.id().toString())
                .add("merchantOrderNo", order.merchantOrderNo())
                .add("amount", order.amountMinor())
                .add("currency", order.currency())
                .add("subject", order.subject())
                .add("createdAt", order.createdAt().toString())
                .add("expiresAt", order.expiresAt().toString())
                .add("replayed", replayed)
                .build().toString();
    }

    /** The answer to QueryOrder (schemas/order-state.schema.json). */
    public static String orderState(OrderView order) {
        return JSON.createObjectBuilder()
                .add("type", "OrderState")
                .add("schemaVersion", 1)
                .add("orderId", order.id().toString())
                .add("merchantOrderNo", order.merchantOrderNo())
                .add("amount", order.amountMinor())
                .add("currency", order.currency())
                .add("subject", order.subject())
                .add("status", order.status())
                .add("revision", order.revision())
                .add("createdAt", order.createdAt().toString())
                .add("expiresAt", order.expiresAt().toString())
                .build().toString();
    }

    /** A business answer (schemas/command-error.schema.json); {@code orderId} where one is concerned, or null. */
    public static String error(String command, String error, String detail, UUID orderId) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", "CommandError")
                .add("schemaVersion", 1)
                .add("command", command)
                .add("error", error)
                .add("detail", detail);
        if (orderId != null) body.add("orderId", orderId.toString());
        return body.build().toString();
    }

    public static String rejected(String reason) {
        return JSON.createObjectBuilder()
                .add("type", "CommandRejected")
                .add("schemaVersion", 1)
                .add("reason", reason)
                .build().toString();
    }
}
