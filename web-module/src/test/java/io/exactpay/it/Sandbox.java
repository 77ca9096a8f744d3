package io.exactpay.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The channel sandbox's control API: the payer, faults, and the log of callbacks it delivered. */
public final class Sandbox {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Sandbox() {
    }

    /** Pays the trade as the payer would; returns the HTTP status. */
    public static int pay(String channel, String outTradeNo) throws Exception {
        return post("sandbox/pay", "{\"channel\":\"" + channel + "\",\"outTradeNo\":\"" + outTradeNo + "\"}").statusCode();
    }

    /** Pays the trade as the payer would and returns the sandbox's view of it (its transactionId). */
    public static JsonObject paid(String channel, String outTradeNo) throws Exception {
        HttpResponse<String> response = post("sandbox/pay", "{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                + outTradeNo + "\"}");
        if (response.statusCode() != 200) throw new AssertionError("not paid: " + response.body());
        return Api.json(response.body());
    }

    /**
     * Pays the trade, but the channel captures {@code amount} {@code currency} instead of what the
     * merchant asked for (the sandbox's switch for a capture ExactPay did not expect).
     */
    public static int payAs(String channel, String outTradeNo, long amount, String currency) throws Exception {
        return post("sandbox/pay", "{\"channel\":\"" + channel + "\",\"outTradeNo\":\"" + outTradeNo
                + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\"}").statusCode();
    }

    /** The sandbox's view of one trade: state, amount, captured and refunded. */
    public static JsonObject trade(String channel, String outTradeNo) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(SystemUnderTest.get().sandboxUri()
                .resolve("sandbox/trade?channel=" + channel + "&outTradeNo=" + outTradeNo)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new AssertionError("no trade: " + response.body());
        return Api.json(response.body());
    }

    /** DELAY_CALLBACK: the first delivery of each callback of the trade waits {@code millis}. */
    public static void delayCallbacks(String channel, String outTradeNo, long millis) throws Exception {
        HttpResponse<String> response = post("sandbox/faults", "{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                + outTradeNo + "\",\"faults\":[\"DELAY_CALLBACK\"],\"delayMillis\":" + millis + "}");
        if (response.statusCode() != 200) throw new AssertionError("faults not set: " + response.body());
    }

    public static void faults(String channel, String outTradeNo, String... faults) throws Exception {
        String list = String.join("\",\"", faults);
        HttpResponse<String> response = post("sandbox/faults", "{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                + outTradeNo + "\",\"faults\":[\"" + list + "\"],\"delayMillis\":0}");
        if (response.statusCode() != 200) throw new AssertionError("faults not set: " + response.body());
    }

    /** DUPLICATE_CALLBACK with {@code repeat} more deliveries of each acknowledged callback. */
    public static void duplicateCallbacks(String channel, String outTradeNo, int repeat) throws Exception {
        HttpResponse<String> response = post("sandbox/faults", "{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                + outTradeNo + "\",\"faults\":[\"DUPLICATE_CALLBACK\"],\"delayMillis\":0,\"repeat\":" + repeat + "}");
        if (response.statusCode() != 200) throw new AssertionError("faults not set: " + response.body());
    }

    public static void clearFaults(String channel, String outTradeNo) throws Exception {
        HttpResponse<String> response = post("sandbox/faults", "{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                + outTradeNo + "\",\"faults\":[],\"delayMillis\":0}");
        if (response.statusCode() != 200) throw new AssertionError("faults not cleared: " + response.body());
    }

    /** Every delivery attempt of the trade's callbacks so far. */
    public static JsonArray callbacks(String channel, String outTradeNo) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(SystemUnderTest.get().sandboxUri()
                .resolve("sandbox/callbacks?channel=" + channel + "&outTradeNo=" + outTradeNo)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Api.json("{\"d\":" + response.body() + "}").getJsonArray("d");
    }

    public static long acknowledged(String channel, String outTradeNo) throws Exception {
        return callbacks(channel, outTradeNo).getValuesAs(JsonObject.class).stream()
                .filter(d -> "ACKNOWLEDGED".equals(d.getString("outcome"))).count();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(SystemUnderTest.get().sandboxUri().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
