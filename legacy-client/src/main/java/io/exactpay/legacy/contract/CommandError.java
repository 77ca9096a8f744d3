package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Arrays;
import java.util.UUID;

/**
 * A valid command that met a business rule (command-error.schema.json): nothing changed at
 * ExactPay and nothing was dead-lettered. {@code orderId} is set where the error names an order.
 */
public record CommandError(String command, Code error, String detail, UUID orderId) implements Reply {

    public static final String TYPE = "CommandError";

    /** The error codes, the same names as the HTTP API's problem types. */
    public enum Code {
        ORDER_EXISTS("order-exists"),
        ORDER_NOT_FOUND("order-not-found"),
        MESSAGE_ID_REUSED("message-id-reused"),
        ILLEGAL_TRANSITION("illegal-transition"),
        VALIDATION("validation");

        private final String wire;

        Code(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Code of(String wire) {
            return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst()
                    .orElseThrow(() -> new MalformedBodyException("unknown error code " + wire));
        }
    }

    static CommandError from(JsonObject json) {
        return new CommandError(Fields.string(json, "command"), Code.of(Fields.string(json, "error")),
                Fields.string(json, "detail"), Fields.optionalUuid(json, "orderId"));
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = Fields.header(TYPE).add("command", command).add("error", error.wire())
                .add("detail", detail);
        if (orderId != null) json.add("orderId", orderId.toString());
        return json.build();
    }
}
