package io.exactpay.messaging;

import java.time.Instant;

/**
 * A message on the dead-letter queue as support sees it: where it came from, why it is there, who
 * sent it, its body, and whether it may be replayed (only ExactPay's own settlement work).
 */
public record DeadLetterView(String jmsMessageId, String origin, String reason, Integer deliveryAttempts,
                             String sender, String type, String orderId, Instant deadLetteredAt, String body,
                             boolean replayable) {
}
