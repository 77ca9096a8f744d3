package io.exactpay.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Alipay gateway subset ExactPay uses: trade precreate, query, close, refund, refund query and
 * the bill download URL. Requests must carry the app's RSA2 signature; answers are signed with
 * the Alipay key.
 */
final class AlipayApi {

    private final SandboxKeys keys;
    private final SandboxLedger ledger;
    private final AlipaySigning signing;
    private final SandboxEvents events;
    private final Clock clock;
    private final String baseUrl;

    AlipayApi(SandboxKeys keys, SandboxLedger ledger, AlipaySigning signing, SandboxEvents events, Clock clock,
              String baseUrl) {
        this.keys = keys;
        this.ledger = ledger;
        this.signing = signing;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    SandboxResponse handle(SandboxRequest request) {
        if (request.path().equals("/sandbox/bills/alipay")) {
            return SandboxResponse.bytes("application/zip",
                    events.statements().alipayBill(LocalDate.parse(request.query().get("bill_date"))));
        }
        Map<String, String> params = new LinkedHashMap<>(request.query());
        params.putAll(SandboxRequest.decodeForm(request.body()));
        String method = params.getOrDefault("method", "unknown.method");
        if (!keys.alipayAppId().equals(params.get("app_id"))) {
            return answer(method, failure("40002", "Invalid Arguments", "isv.invalid-app-id", "app_id unknown"));
        }
        if (!signing.appSignatureValid(params)) {
            return answer(method, failure("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"));
        }
        JsonObject biz;
        try {
            biz = JsonParser.parseString(params.getOrDefault("biz_content", "{}")).getAsJsonObject();
        } catch (RuntimeException e) {
            return answer(method, failure("40002", "Invalid Arguments", "isv.invalid-parameter", "biz_content"));
        }
        String outTradeNo = str(biz, "out_trade_no");
        Optional<SandboxResponse> fault = events.apiFault(SandboxChannel.ALIPAY, outTradeNo,
                method.equals("alipay.trade.refund"));
        if (fault.isPresent()) {
            return fault.get();
        }
        JsonObject inner = switch (method) {
            case "alipay.trade.precreate" -> precreate(biz, params.get("notify_url"));
            case "alipay.trade.query" -> query(outTradeNo);
            case "alipay.trade.close" -> close(outTradeNo);
            case "alipay.trade.refund" -> refund(outTradeNo, biz);
            case "alipay.trade.fastpay.refund.query" -> refundQuery(outTradeNo, str(biz, "out_request_no"));
            case "alipay.data.dataservice.bill.downloadurl.query" -> billUrl(biz);
            default -> failure("40004", "Business Failed", "isv.invalid-method", "method not in the sandbox");
        };
        if (outTradeNo != null) {
            ledger.find(SandboxChannel.ALIPAY, outTradeNo).ifPresent(events::afterApiCall);
        }
        return answer(method, inner);
    }

    private JsonObject precreate(JsonObject biz, String notifyUrl) {
        String outTradeNo = str(biz, "out_trade_no");
        long amount = ChannelFormats.fen(str(biz, "total_amount"));
        String currency = biz.has("trans_currency") ? str(biz, "trans_currency") : "CNY";
        SandboxTrade trade = ledger.create(SandboxChannel.ALIPAY, outTradeNo, amount, currency, str(biz, "subject"),
                notifyUrl, clock.instant());
        if (trade.amount() != amount || trade.state() != SandboxTrade.State.NOTPAY) {
            return failure("40004", "Business Failed", "ACQ.TRADE_HAS_SUCCESS", "交易已被支付或参数不一致");
        }
        JsonObject o = success();
        o.addProperty("out_trade_no", outTradeNo);
        o.addProperty("qr_code", "https://qr.alipay.com/sandbox" + trade.transactionId());
        return o;
    }

    private JsonObject query(String outTradeNo) {
        Optional<SandboxTrade> found = ledger.find(SandboxChannel.ALIPAY, outTradeNo);
        if (found.isEmpty()) {
            return failure("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        SandboxTrade t = found.get();
        JsonObject o = success();
        o.addProperty("trade_no", t.transactionId());
        o.addProperty("out_trade_no", t.outTradeNo());
        o.addProperty("buyer_logon_id", "sandbox***@payer.test");
        o.addProperty("trade_status", switch (t.state()) {
            case NOTPAY -> "WAIT_BUYER_PAY";
            case SUCCESS -> "TRADE_SUCCESS";
            case CLOSED -> "TRADE_CLOSED";
            case REFUND -> t.refundable() == 0 ? "TRADE_CLOSED" : "TRADE_SUCCESS";
        });
        o.addProperty("total_amount", ChannelFormats.yuan(t.amount()));
        if (!"CNY".equals(t.currency())) {
            o.addProperty("trans_currency", t.currency());
        }
        if (t.paidAt() != null) {
            o.addProperty("send_pay_date", ChannelFormats.alipayTime(t.paidAt()));
            o.addProperty("receipt_amount", ChannelFormats.yuan(t.amount()));
            o.addProperty("buyer_pay_amount", ChannelFormats.yuan(t.amount()));
        }
        return o;
    }

    private JsonObject close(String outTradeNo) {
        Optional<SandboxTrade> found = ledger.find(SandboxChannel.ALIPAY, outTradeNo);
        if (found.isEmpty()) {
            return failure("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        SandboxTrade trade = found.get();
        events.payerRacesClose(trade);
        if (!trade.close()) {
            return failure("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        JsonObject o = success();
        o.addProperty("trade_no", trade.transactionId());
        o.addProperty("out_trade_no", outTradeNo);
        return o;
    }

    private JsonObject refund(String outTradeNo, JsonObject biz) {
        Optional<SandboxTrade> found = ledger.find(SandboxChannel.ALIPAY, outTradeNo);
        if (found.isEmpty()) {
            return failure("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        SandboxTrade trade = found.get();
        String outRequestNo = biz.has("out_request_no") ? str(biz, "out_request_no") : outTradeNo;
        long amount = ChannelFormats.fen(str(biz, "refund_amount"));
        Optional<SandboxRefund> existing = trade.refund(outRequestNo);
        if (existing.isEmpty()) {
            if (trade.state() == SandboxTrade.State.NOTPAY || trade.state() == SandboxTrade.State.CLOSED) {
                return failure("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            }
            if (amount <= 0 || amount > trade.refundable()) {
                return failure("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            }
            if (events.startRefund(trade, outRequestNo, amount, null).isEmpty()) {
                // another refund took what was left between the check above and this one
                return failure("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            }
        }
        long refunded = trade.refunds().stream().mapToLong(SandboxRefund::amount).sum();
        JsonObject o = success();
        o.addProperty("trade_no", trade.transactionId());
        o.addProperty("out_trade_no", outTradeNo);
        o.addProperty("buyer_logon_id", "sandbox***@payer.test");
        o.addProperty("fund_change", existing.isEmpty() ? "Y" : "N");
        o.addProperty("refund_fee", ChannelFormats.yuan(refunded));
        o.addProperty("gmt_refund_pay", ChannelFormats.alipayTime(clock.instant()));
        return o;
    }

    private JsonObject refundQuery(String outTradeNo, String outRequestNo) {
        JsonObject o = success();
        Optional<SandboxTrade> trade = ledger.find(SandboxChannel.ALIPAY, outTradeNo);
        Optional<SandboxRefund> refund = trade.flatMap(t -> t.refund(outRequestNo));
        // Alipay answers an unknown refund with a bare success: no refund_status means "no such refund".
        if (refund.isPresent()) {
            SandboxRefund r = refund.get();
            o.addProperty("trade_no", trade.get().transactionId());
            o.addProperty("out_trade_no", outTradeNo);
            o.addProperty("out_request_no", r.outRefundNo());
            o.addProperty("total_amount", ChannelFormats.yuan(trade.get().amount()));
            o.addProperty("refund_amount", ChannelFormats.yuan(r.amount()));
            if (r.state() == SandboxRefund.State.SUCCESS) {
                o.addProperty("refund_status", "REFUND_SUCCESS");
                o.addProperty("gmt_refund_pay", ChannelFormats.alipayTime(r.succeededAt()));
            }
        }
        return o;
    }

    private JsonObject billUrl(JsonObject biz) {
        LocalDate day = LocalDate.parse(str(biz, "bill_date"));
        JsonObject o = success();
        o.addProperty("bill_download_url", baseUrl + "/sandbox/bills/alipay?bill_date=" + day);
        return o;
    }

    private SandboxResponse answer(String method, JsonObject inner) {
        SandboxResponse r = SandboxResponse.json(200, signing.response(method, inner.toString()));
        return new SandboxResponse(200, "text/html;charset=utf-8", r.headers(), r.body());
    }

    private static JsonObject success() {
        JsonObject o = new JsonObject();
        o.addProperty("code", "10000");
        o.addProperty("msg", "Success");
        return o;
    }

    private static JsonObject failure(String code, String msg, String subCode, String subMsg) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("msg", msg);
        o.addProperty("sub_code", subCode);
        o.addProperty("sub_msg", subMsg);
        return o;
    }

    private static String str(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
    }
}
