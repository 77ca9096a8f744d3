package io.exactpay.application.channel;

import java.util.Map;
import java.util.TreeMap;

/**
 * A callback exactly as it arrived over HTTP: headers (looked up without regard to case, as HTTP
 * says) and the raw body bytes, before any parsing. Signatures cover the exact bytes.
 */
public record InboundCallback(Map<String, String> headers, byte[] body) {

    public InboundCallback {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = caseless;
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name);
    }
}
