package io.exactpay.it;

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

/** The portal API over HTTP, as a portal calls it. */
public final class Api {

    // HTTP/1.1 as portals speak it; the JDK client would otherwise try an h2c upgrade on each new connection.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
        HttpResponse<String> response = post("/api/v1/orders", Json.createObjectBuilder()
                .add("merchantOrderNo", merchantOrderNo).add("amount", amount).add("currency", "CNY")
                .add("subject", "Test order").build().toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("order not created: HTTP " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).getString("id");
    }
}
