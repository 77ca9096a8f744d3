package io.exactpay.infrastructure.channel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The sandbox's control API over HTTP, as a test (or a person with curl) uses it. */
public final class SandboxControl {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SandboxControl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The payer pays; returns the HTTP status (200 paid, 409 cannot be paid, 404 unknown). */
    public int pay(String channel, String outTradeNo) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("channel", channel);
        body.addProperty("outTradeNo", outTradeNo);
        return post("/sandbox/pay", body).statusCode();
    }

    public void faults(String channel, String outTradeNo, long delayMillis, String... faults)
            throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("channel", channel);
        body.addProperty("outTradeNo", outTradeNo);
        body.addProperty("delayMillis", delayMillis);
        JsonArray list = new JsonArray();
        for (String f : faults) {
            list.add(f);
        }
        body.add("faults", list);
        HttpResponse<String> r = post("/sandbox/faults", body);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("faults not set: " + r.body());
        }
    }

    public List<JsonObject> callbacks(String channel, String outTradeNo) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/callbacks?channel="
                + channel + "&outTradeNo=" + outTradeNo)).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(r.body()).getAsJsonArray()) {
            out.add(e.getAsJsonObject());
        }
        return out;
    }

    /** Waits until the delivery log holds a matching record. */
    public List<JsonObject> awaitCallbacks(String channel, String outTradeNo, Predicate<List<JsonObject>> done,
                                           Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonObject> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = callbacks(channel, outTradeNo);
            if (done.test(seen)) {
                return seen;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("delivery log never matched within " + timeout + ": " + seen);
    }

    public JsonObject trade(String channel, String outTradeNo) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/trade?channel="
                + channel + "&outTradeNo=" + outTradeNo)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, JsonObject body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
