package io.exactpay.sandbox;

import java.util.Map;

/** One signed callback request, ready to send. WeChat Pay callbacks are re-signed for every attempt. */
public record OutboundCallback(String url, String contentType, Map<String, String> headers, String body) {
}
