package io.exactpay.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP request as the protocol handlers see it, free of the server library. */
public record SandboxRequest(String method, String path, String rawQuery, Map<String, String> headers, String body) {

    public SandboxRequest {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = caseless;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** Path plus query exactly as sent: WeChat Pay signs this text. */
    public String pathAndQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    public Map<String, String> query() {
        return decodeForm(rawQuery);
    }

    /** Decodes {@code a=1&b=2}; the last value wins for a repeated name. */
    public static Map<String, String> decodeForm(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
