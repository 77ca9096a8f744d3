package io.exactpay.application.channel;

/** The HTTP answer a channel expects for a callback, success or failure, in its own format. */
public record CallbackReply(int status, String contentType, String body) {
}
