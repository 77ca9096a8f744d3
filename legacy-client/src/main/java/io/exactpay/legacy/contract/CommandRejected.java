package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

/**
 * A command ExactPay could not process (command-rejected.schema.json): it was dead-lettered with
 * this reason and changed nothing. A kit-built command is checked before it is sent, so this means
 * the two sides disagree on the contract, or the order is unknown.
 */
public record CommandRejected(String reason) implements Reply {

    public static final String TYPE = "CommandRejected";

    static CommandRejected from(JsonObject json) {
        return new CommandRejected(Fields.string(json, "reason"));
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("reason", reason).build();
    }
}
