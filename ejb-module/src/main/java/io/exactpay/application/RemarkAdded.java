package io.exactpay.application;

import java.util.UUID;

/** The order's revision that a remark produced; {@code replayed} when the message was seen before. */
public record RemarkAdded(UUID orderId, int revision, boolean replayed) {
}
