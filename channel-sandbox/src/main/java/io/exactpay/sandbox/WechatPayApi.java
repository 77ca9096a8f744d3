package io.exactpay.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WeChat Pay v3 subset ExactPay uses: Native prepay, query and close by out_trade_no, domestic
 * refunds and their query, and the trade bill. Every answer is signed with the platform key.
 */
final class WechatPayApi {

    private static final Pattern QUERY = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/?]+)");
    private static final Pattern CLOSE = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/?]+)/close");
    private static final Pattern REFUND = Pattern.compile("/v3/refund/domestic/refunds/([^/?]+)");

    private final SandboxKeys keys;
    private final SandboxLedger ledger;
    private final WechatPaySigning signing;
    private final SandboxEvents events;
    private final Clock clock;
    private final String baseUrl;

    WechatPayApi(SandboxKeys keys, SandboxLedger ledger, WechatPaySigning signing, SandboxEvents events, Clock clock,
                 String baseUrl) {
        this.keys = keys;
        this.ledger = ledger;
        this.signing = signing;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    SandboxResponse handle(SandboxRequest request) {
        return sign(route(request));
    }

    private SandboxResponse route(SandboxRequest request) {
        if (!signing.merchantSignatureValid(request)) {
            return error(401, "SIGN_ERROR", "merchant signature or serial does not verify");
        }
        String path = request.path();
        Matcher m;
        try {
            if ("POST".equals(request.method()) && path.equals("/v3/pay/transactions/native")) {
                return prepay(JsonParser.parseString(request.body()).getAsJsonObject());
            }
            if ("POST".equals(request.method()) && (m = CLOSE.matcher(path)).matches()) {
                return close(m.group(1), JsonParser.parseString(request.body()).getAsJsonObject());
            }
            if ("GET".equals(request.method()) && (m = QUERY.matcher(path)).matches()) {
                return query(m.group(1), request.query().get("mchid"));
            }
            if ("POST".equals(request.method()) && path.equals("/v3/refund/domestic/refunds")) {
                return refund(JsonParser.parseString(request.body()).getAsJsonObject());
            }
            if ("GET".equals(request.method()) && (m = REFUND.matcher(path)).matches()) {
                return queryRefund(m.group(1));
            }
            if ("GET".equals(request.method()) && path.equals("/v3/bill/tradebill")) {
                return tradeBill(request.query().get("bill_date"));
            }
            if ("GET".equals(request.method()) && path.equals("/sandbox/bills/wechatpay")) {
                return SandboxResponse.bytes("text/plain; charset=utf-8",
                        events.statements().wechatPayBill(LocalDate.parse(request.query().get("bill_date"))));
            }
        } catch (LedgerJournal.JournalUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            return error(400, "PARAM_ERROR", "malformed request: " + e.getMessage());
        }
        return error(404, "RESOURCE_NOT_EXISTS", "no such API in the sandbox: " + path);
    }

    private SandboxResponse prepay(JsonObject body) {
        if (!keys.wechatMchid().equals(str(body, "mchid")) || !keys.wechatAppid().equals(str(body, "appid"))) {
            return error(400, "APPID_MCHID_NOT_MATCH", "appid and mchid do not match");
        }
        String outTradeNo = str(body, "out_trade_no");
        JsonObject amount = body.getAsJsonObject("amount");
        long total = amount.get("total").getAsLong();
        String currency = amount.has("currency") ? amount.get("currency").getAsString() : "CNY";
        Optional<SandboxResponse> fault = events.apiFault(SandboxChannel.WECHATPAY, outTradeNo);
        if (fault.isPresent()) {
            return fault.get();
        }
        SandboxTrade trade = ledger.create(SandboxChannel.WECHATPAY, outTradeNo, total, currency,
                str(body, "description"), str(body, "notify_url"), clock.instant());
        if (trade.amount() != total || !trade.currency().equals(currency)) {
            return error(400, "INVALID_REQUEST", "out_trade_no reused with different parameters");
        }
        if (trade.state() != SandboxTrade.State.NOTPAY) {
            return error(400, trade.state() == SandboxTrade.State.CLOSED ? "ORDER_CLOSED" : "ORDERPAID",
                    "trade is " + trade.state());
        }
        events.afterApiCall(trade);
        JsonObject out = new JsonObject();
        out.addProperty("code_url", "weixin://wxpay/bizpayurl?pr=" + trade.transactionId());
        return SandboxResponse.json(200, out.toString());
    }

    private SandboxResponse query(String outTradeNo, String mchid) {
        if (!keys.wechatMchid().equals(mchid)) {
            return error(400, "MCH_NOT_EXISTS", "mchid does not match");
        }
        Optional<SandboxTrade> trade = ledger.find(SandboxChannel.WECHATPAY, outTradeNo);
        if (trade.isEmpty()) {
            return error(404, "ORDER_NOT_EXIST", "no such trade");
        }
        Optional<SandboxResponse> fault = events.apiFault(SandboxChannel.WECHATPAY, outTradeNo);
        if (fault.isPresent()) {
            return fault.get();
        }
        events.afterApiCall(trade.get());
        return SandboxResponse.json(200, events.wechatPayTransaction(trade.get()));
    }

    private SandboxResponse close(String outTradeNo, JsonObject body) {
        if (!keys.wechatMchid().equals(str(body, "mchid"))) {
            return error(400, "MCH_NOT_EXISTS", "mchid does not match");
        }
        Optional<SandboxTrade> found = ledger.find(SandboxChannel.WECHATPAY, outTradeNo);
        if (found.isEmpty()) {
            return error(404, "ORDER_NOT_EXIST", "no such trade");
        }
        SandboxTrade trade = found.get();
        Optional<SandboxResponse> fault = events.apiFault(SandboxChannel.WECHATPAY, outTradeNo);
        if (fault.isPresent()) {
            return fault.get();
        }
        events.payerRacesClose(trade);
        boolean closed = trade.close();
        events.afterApiCall(trade);
        return closed ? SandboxResponse.noContent() : error(400, "ORDERPAID", "订单已支付");
    }

    private SandboxResponse refund(JsonObject body) {
        String outTradeNo = str(body, "out_trade_no");
        Optional<SandboxTrade> found = ledger.find(SandboxChannel.WECHATPAY, outTradeNo);
        if (found.isEmpty()) {
            return error(404, "RESOURCE_NOT_EXISTS", "no such trade");
        }
        SandboxTrade trade = found.get();
        JsonObject amount = body.getAsJsonObject("amount");
        long refundAmount = amount.get("refund").getAsLong();
        if (amount.get("total").getAsLong() != trade.amount()
                || !trade.currency().equals(amount.has("currency") ? amount.get("currency").getAsString() : "CNY")) {
            return error(400, "INVALID_REQUEST", "total or currency differs from the trade");
        }
        Optional<SandboxResponse> fault = events.apiFault(SandboxChannel.WECHATPAY, outTradeNo, true);
        if (fault.isPresent()) {
            return fault.get();
        }
        String outRefundNo = str(body, "out_refund_no");
        Optional<SandboxRefund> existing = trade.refund(outRefundNo);
        if (existing.isEmpty()) {
            if (trade.state() == SandboxTrade.State.NOTPAY || trade.state() == SandboxTrade.State.CLOSED) {
                return error(400, "INVALID_REQUEST", "trade is not paid");
            }
            if (refundAmount <= 0 || refundAmount > trade.refundable()) {
                return error(403, "NOT_ENOUGH", "refund exceeds what is left of the trade");
            }
        }
        Optional<SandboxRefund> refund = existing.isPresent() ? existing
                : events.startRefund(trade, outRefundNo, refundAmount, str(body, "notify_url"));
        if (refund.isEmpty()) {
            // another refund took what was left between the check above and this one
            return error(403, "NOT_ENOUGH", "refund exceeds what is left of the trade");
        }
        events.afterApiCall(trade);
        return SandboxResponse.json(200, events.wechatPayRefund(trade, refund.get()));
    }

    private SandboxResponse queryRefund(String outRefundNo) {
        Optional<SandboxTrade> trade = ledger.findByRefund(SandboxChannel.WECHATPAY, outRefundNo);
        if (trade.isEmpty()) {
            return error(404, "RESOURCE_NOT_EXISTS", "no such refund");
        }
        Optional<SandboxResponse> fault = events.apiFault(SandboxChannel.WECHATPAY, trade.get().outTradeNo());
        if (fault.isPresent()) {
            return fault.get();
        }
        return SandboxResponse.json(200, events.wechatPayRefund(trade.get(), trade.get().refund(outRefundNo).orElseThrow()));
    }

    private SandboxResponse tradeBill(String billDate) {
        LocalDate date = LocalDate.parse(billDate);
        byte[] bill = events.statements().wechatPayBill(date);
        JsonObject out = new JsonObject();
        out.addProperty("hash_type", "SHA1");
        out.addProperty("hash_value", Statements.sha1Hex(bill));
        out.addProperty("download_url", baseUrl + "/sandbox/bills/wechatpay?bill_date=" + date);
        return SandboxResponse.json(200, out.toString());
    }

    private SandboxResponse sign(SandboxResponse response) {
        String body = response.bodyText();
        return response.withHeaders(signing.signedHeaders(body))
                .withHeaders(java.util.Map.of("Request-ID", ledger.newId("req")));
    }

    static SandboxResponse error(int status, String code, String message) {
        JsonObject out = new JsonObject();
        out.addProperty("code", code);
        out.addProperty("message", message);
        return SandboxResponse.json(status, out.toString());
    }

    private static String str(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
    }
}
