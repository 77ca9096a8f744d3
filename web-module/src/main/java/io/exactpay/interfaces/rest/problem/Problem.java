package io.exactpay.interfaces.rest.problem;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

/**
 * An RFC 9457 problem: a stable {@code type} per kind of error, so clients branch on the type and
 * show the detail.
 */
public record Problem(String type, String title, int status, String detail, Map<String, String> extensions) {

    /** Looked up once: {@code Json.create...} asks the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://exactpay.io/problems/";

    public static Problem of(String type, String title, Response.Status status, String detail) {
        return new Problem(type, title, status.getStatusCode(), detail, Map.of());
    }

    public Problem with(String key, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(extensions);
        more.put(key, value);
        return new Problem(type, title, status, detail, more);
    }

    public Response toResponse(URI instance) {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson(instance)).build();
    }

    public String toJson(URI instance) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (instance != null) body.add("instance", instance.toString());
        extensions.forEach(body::add);
        return body.build().toString();
    }
}
