package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The portal API over HTTP, as a portal calls it: with a bearer token of the suite's portal client
 * ({@link #CLIENT}) unless a test gives another token, signed by the stack's development key.
 */
public final class Api {

    /** The portal client that the suites act as. */
    public static final String CLIENT = "it-portal";

    // HTTP/1.1 as portals speak it; the JDK client would otherwise try an h2c upgrade on each new connection.
    private static final HttpClient CLIENT_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // Tokens are signed again well before the server's token age limit (jwt.max-token-age) refuses them.
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final Duration RESIGN_AFTER = Duration.ofMinutes(10);
    private static final Map<String, SignedToken> TOKENS = new ConcurrentHashMap<>();

    private record SignedToken(String token, Instant signedAt) {
        boolean fresh() {
            return signedAt.plus(RESIGN_AFTER).isAfter(Instant.now());
        }
    }

    private Api() {
    }

    public static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, portalToken(CLIENT));
    }

    /** A POST with {@code token} as bearer (none when null) and more headers as name, value pairs. */
    public static HttpResponse<String> post(String path, String json, String token, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, token, headers);
    }

    public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, portalToken(CLIENT));
    }

    public static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return get(path, token, Duration.ofSeconds(30));
    }

    public static HttpResponse<String> get(String path, String token, Duration timeout)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET(), token);
    }

    public static HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).DELETE(), token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token, String... headers)
            throws IOException, InterruptedException {
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (headers.length > 0) request.headers(headers);
        return CLIENT_HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A portal's token for {@code clientId}: it sees that client's orders only. */
    public static String portalToken(String clientId) {
        return token("portal:" + clientId, () -> tokens().portal(clientId, TOKEN_LIFETIME));
    }

    /** The token of the portal client the suites place their orders as. */
    public static String defaultPortalToken() {
        return portalToken(CLIENT);
    }

    /** A support (or admin) person's token. */
    public static String staffToken(String role) {
        return token("staff:" + role, () -> tokens().staff("it-" + role, role, TOKEN_LIFETIME));
    }

    private static String token(String key, Supplier<String> sign) {
        return TOKENS.compute(key, (k, old) -> old != null && old.fresh() ? old : new SignedToken(sign.get(),
                Instant.now())).token();
    }

    public static DevelopmentTokens tokens() {
        return SystemUnderTest.get().tokens();
    }

    public static URI uri(String path) {
        return SystemUnderTest.get().baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** Places an order and returns its id. */
    public static String placeOrder(String merchantOrderNo, long amount) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/orders", orderJson(merchantOrderNo, amount));
        if (response.statusCode() != 201) {
            throw new AssertionError("order not created: HTTP " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getString("id");
    }

    /** The body of {@code POST /api/v1/orders}. */
    public static String orderJson(String merchantOrderNo, long amount) {
        return Json.createObjectBuilder().add("merchantOrderNo", merchantOrderNo).add("amount", amount)
                .add("currency", "CNY").add("subject", "Test order").build().toString();
    }
}
