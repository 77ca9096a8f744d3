package io.exactpay.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response with header names kept exactly as given: the WeChat Pay SDK looks its
 * {@code Wechatpay-*} headers up case-sensitively.
 */
public record SandboxResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static SandboxResponse json(int status, String json) {
        return new SandboxResponse(status, "application/json", new LinkedHashMap<>(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public static SandboxResponse text(int status, String text) {
        return new SandboxResponse(status, "text/plain; charset=utf-8", new LinkedHashMap<>(),
                text.getBytes(StandardCharsets.UTF_8));
    }

    public static SandboxResponse bytes(String contentType, byte[] body) {
        return new SandboxResponse(200, contentType, new LinkedHashMap<>(), body);
    }

    public static SandboxResponse noContent() {
        return new SandboxResponse(204, null, new LinkedHashMap<>(), new byte[0]);
    }

    public SandboxResponse withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new SandboxResponse(status, contentType, merged, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
