package io.exactpay.messaging.contract;

import io.exactpay.application.RemarkAdded;
import jakarta.json.Json;

/** Reply bodies for request/reply callers (JMSReplyTo + JMSCorrelationID). */
public final class Replies {

    private Replies() {
    }

    public static String remarkAdded(RemarkAdded result) {
        return Json.createObjectBuilder()
                .add("type", "RemarkAdded")
                .add("schemaVersion", 1)
                .add("orderId", result.orderId().toString())
                .add("revision", result.revision())
                .add("replayed", result.replayed())
                .build().toString();
    }

    public static String rejected(String reason) {
        return Json.createObjectBuilder()
                .add("type", "CommandRejected")
                .add("schemaVersion", 1)
                .add("reason", reason)
                .build().toString();
    }
}
