package io.exactpay.sandbox;

import java.time.Instant;

/** What happened to one delivery attempt of a callback; listed by the control API. */
public record DeliveryRecord(SandboxChannel channel, String outTradeNo, String kind, String eventId, int attempt,
                             Outcome outcome, int httpStatus, String responseBody, Instant at) {

    public enum Outcome {
        /** The receiver acknowledged it the channel's way. */
        ACKNOWLEDGED,
        /** The receiver answered, but not with the channel's acknowledgement. */
        NOT_ACKNOWLEDGED,
        /** No answer: connection refused, reset or timed out. */
        FAILED,
        /** Lost on purpose by a fault. */
        DROPPED,
        /** The retry schedule ran out. */
        GAVE_UP
    }
}
