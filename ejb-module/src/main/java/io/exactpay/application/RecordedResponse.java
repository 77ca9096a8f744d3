package io.exactpay.application;

/** The successful response to an idempotent request, kept with its key to be sent again on a retry. */
public record RecordedResponse(int status, String location, String contentType, String body) {
}
