package io.exactpay.sandbox;

import com.alipay.api.internal.util.AlipaySignature;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.util.NonceUtil;
import com.wechat.pay.java.core.util.PemUtil;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A merchant talking to the sandbox over the channels' own protocols, signed with the merchant's
 * and app's keys from the sandbox's keys folder, plus the sandbox's payer and ledger endpoints.
 */
final class MerchantClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final SandboxKeys keys;
    private final RSASigner merchantSigner;
    private final String appPrivateKey;

    MerchantClient(String baseUrl, SandboxKeys keys) throws Exception {
        this.baseUrl = baseUrl;
        this.keys = keys;
        this.merchantSigner = new RSASigner(keys.wechatMerchantSerial(),
                PemUtil.loadPrivateKeyFromPath(keys.file(SandboxKeys.WECHATPAY_MERCHANT_PRIVATE).toString()));
        this.appPrivateKey = SandboxKeys.pemBody(Files.readString(keys.file(SandboxKeys.ALIPAY_APP_PRIVATE)));
    }

    // --- WeChat Pay v3 ---

    /** Native prepay; returns the HTTP status. */
    int wechatPrepay(String outTradeNo, long fen, String notifyUrl) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("appid", keys.wechatAppid());
        body.addProperty("mchid", keys.wechatMchid());
        body.addProperty("description", "ledger test " + outTradeNo);
        body.addProperty("out_trade_no", outTradeNo);
        body.addProperty("notify_url", notifyUrl);
        JsonObject amount = new JsonObject();
        amount.addProperty("total", fen);
        amount.addProperty("currency", "CNY");
        body.add("amount", amount);
        return wechat("POST", "/v3/pay/transactions/native", body.toString()).statusCode();
    }

    JsonObject wechatQuery(String outTradeNo) throws Exception {
        return JsonParser.parseString(wechat("GET", "/v3/pay/transactions/out-trade-no/" + outTradeNo
                + "?mchid=" + keys.wechatMchid(), "").body()).getAsJsonObject();
    }

    int wechatClose(String outTradeNo) throws Exception {
        return wechat("POST", "/v3/pay/transactions/out-trade-no/" + outTradeNo + "/close",
                "{\"mchid\":\"" + keys.wechatMchid() + "\"}").statusCode();
    }

    HttpResponse<String> wechatRefund(String outTradeNo, String outRefundNo, long refund, long total)
            throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("out_trade_no", outTradeNo);
        body.addProperty("out_refund_no", outRefundNo);
        JsonObject amount = new JsonObject();
        amount.addProperty("refund", refund);
        amount.addProperty("total", total);
        amount.addProperty("currency", "CNY");
        body.add("amount", amount);
        return wechat("POST", "/v3/refund/domestic/refunds", body.toString());
    }

    private HttpResponse<String> wechat(String method, String pathAndQuery, String body) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = NonceUtil.createNonce(32);
        String signature = merchantSigner.sign(method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
                + body + "\n").getSign();
        String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + keys.wechatMchid() + "\",nonce_str=\"" + nonce
                + "\",signature=\"" + signature + "\",timestamp=\"" + timestamp + "\",serial_no=\""
                + keys.wechatMerchantSerial() + "\"";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- Alipay gateway ---

    JsonObject alipayPrecreate(String outTradeNo, long fen, String notifyUrl) throws Exception {
        JsonObject biz = new JsonObject();
        biz.addProperty("out_trade_no", outTradeNo);
        biz.addProperty("total_amount", ChannelFormats.yuan(fen));
        biz.addProperty("subject", "ledger test " + outTradeNo);
        return alipay("alipay.trade.precreate", biz, notifyUrl);
    }

    JsonObject alipayQuery(String outTradeNo) throws Exception {
        JsonObject biz = new JsonObject();
        biz.addProperty("out_trade_no", outTradeNo);
        return alipay("alipay.trade.query", biz, null);
    }

    JsonObject alipayClose(String outTradeNo) throws Exception {
        JsonObject biz = new JsonObject();
        biz.addProperty("out_trade_no", outTradeNo);
        return alipay("alipay.trade.close", biz, null);
    }

    JsonObject alipayRefund(String outTradeNo, String outRequestNo, long fen) throws Exception {
        JsonObject biz = new JsonObject();
        biz.addProperty("out_trade_no", outTradeNo);
        biz.addProperty("out_request_no", outRequestNo);
        biz.addProperty("refund_amount", ChannelFormats.yuan(fen));
        return alipay("alipay.trade.refund", biz, null);
    }

    /** The inner answer object ({@code code} 10000 on success). */
    private JsonObject alipay(String method, JsonObject biz, String notifyUrl) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("app_id", keys.alipayAppId());
        params.put("method", method);
        params.put("format", "JSON");
        params.put("charset", "UTF-8");
        params.put("sign_type", "RSA2");
        params.put("timestamp", LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        params.put("version", "1.0");
        if (notifyUrl != null) {
            params.put("notify_url", notifyUrl);
        }
        params.put("biz_content", biz.toString());
        params.put("sign", AlipaySignature.rsaSign(AlipaySignature.getSignCheckContentV2(params), appPrivateKey,
                "UTF-8", "RSA2"));
        String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/gateway.do"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject()
                .getAsJsonObject(method.replace('.', '_') + "_response");
    }

    // --- the sandbox's own endpoints ---

    /** The payer pays; returns the HTTP status. */
    int pay(String channel, String outTradeNo) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/pay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                        + outTradeNo + "\"}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The payer pays, but the channel captures {@code fen} {@code currency}; returns the HTTP status. */
    int payAs(String channel, String outTradeNo, long fen, String currency) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/pay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                        + outTradeNo + "\",\"amount\":" + fen + ",\"currency\":\"" + currency + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    JsonObject trade(String channel, String outTradeNo) throws Exception {
        return JsonParser.parseString(get("/sandbox/trade?channel=" + channel + "&outTradeNo=" + outTradeNo))
                .getAsJsonObject();
    }

    /** {@code GET /sandbox/ledger}, as text. */
    String ledger(String query) throws Exception {
        return get("/sandbox/ledger" + (query == null ? "" : "?" + query));
    }

    private String get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
