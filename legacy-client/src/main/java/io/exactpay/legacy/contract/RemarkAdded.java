package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.UUID;

/** The answer to {@link AddOrderRemark} (remark-added.schema.json). */
public record RemarkAdded(UUID orderId, long revision, boolean replayed) implements Reply {

    public static final String TYPE = "RemarkAdded";

    static RemarkAdded from(JsonObject json) {
        return new RemarkAdded(Fields.uuid(json, "orderId"), Fields.integer(json, "revision"),
                Fields.bool(json, "replayed"));
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("orderId", orderId.toString()).add("revision", revision)
                .add("replayed", replayed).build();
    }
}
