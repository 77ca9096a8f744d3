package io.exactpay.chaos;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The payer and the channels' side of the money, through the channel sandbox's own API. */
final class Payer {

    private final URI sandbox;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Payer(URI sandbox) {
        this.sandbox = sandbox;
    }

    /** The sandbox's name of the channel of one of our out_trade_no (W... WeChat Pay, A... Alipay). */
    static String channelOf(String outTradeNo) {
        return outTradeNo.startsWith("W") ? "wechatpay" : "alipay";
    }

    /** Pays the trade as its payer: 200 paid, 409 the trade cannot be paid (closed). */
    int pay(String outTradeNo) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("channel", channelOf(outTradeNo));
        body.addProperty("outTradeNo", outTradeNo);
        return post("sandbox/pay", body).statusCode();
    }

    /** Sets the trade's faults (none clears them). */
    void faults(String outTradeNo, String... faults) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("channel", channelOf(outTradeNo));
        body.addProperty("outTradeNo", outTradeNo);
        JsonArray list = new JsonArray();
        for (String f : faults) list.add(f);
        body.add("faults", list);
        body.addProperty("delayMillis", 3_000);
        HttpResponse<String> response = post("sandbox/faults", body);
        if (response.statusCode() != 200) throw new IllegalStateException("faults not set: " + response.body());
    }

    /** The channels' ledger: every trade with what it captured and refunded, and the callbacks acknowledged. */
    JsonObject ledger() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.resolve("sandbox/ledger"))
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("no ledger: HTTP " + response.statusCode());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private HttpResponse<String> post(String path, JsonObject body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(sandbox.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
