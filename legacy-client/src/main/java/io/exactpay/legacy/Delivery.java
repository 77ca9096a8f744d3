package io.exactpay.legacy;

/**
 * A reply or event taken from the system's queue inside a transaction: it is gone from the queue
 * only if that transaction commits.
 *
 * @param message       the typed body
 * @param correlationId for a reply, the messageId of the command it answers; for an event, null
 * @param deliveryCount 1 on the first delivery; more when earlier attempts rolled back
 */
public record Delivery<T>(T message, String jmsMessageId, String correlationId, int deliveryCount) {
}
