package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

/**
 * ExactPay's answer to one command, on the sender's own queue {@code exactpay.replies.<user>},
 * with the command's messageId as its JMSCorrelationID.
 */
public sealed interface Reply permits OrderPlaced, OrderState, RemarkAdded, CommandError, CommandRejected {

    JsonObject toJson();

    static Reply parse(String body) {
        JsonObject json = Fields.parse(body);
        String type = Fields.type(json);
        return switch (type) {
            case OrderPlaced.TYPE -> OrderPlaced.from(json);
            case OrderState.TYPE -> OrderState.from(json);
            case RemarkAdded.TYPE -> RemarkAdded.from(json);
            case CommandError.TYPE -> CommandError.from(json);
            case CommandRejected.TYPE -> CommandRejected.from(json);
            default -> throw new MalformedBodyException("unknown reply type " + type);
        };
    }
}
