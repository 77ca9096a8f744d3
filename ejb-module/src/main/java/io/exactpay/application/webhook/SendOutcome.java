package io.exactpay.application.webhook;

import java.time.Instant;

/**
 * What one attempt came to: the receiver's status and the start of its answer, or the error
 * (refused, timed out) when there was no answer.
 */
public record SendOutcome(Instant attemptedAt, Integer statusCode, long latencyMs, String responseExcerpt,
                          String error) {

    public static final int EXCERPT = 500;

    /** Only a 2xx answer is a delivery; a redirect is not followed and counts as a failure. */
    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public static String excerpt(String text) {
        if (text == null) return null;
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT);
    }
}
