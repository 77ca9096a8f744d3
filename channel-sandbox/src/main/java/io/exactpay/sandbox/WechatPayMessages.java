package io.exactpay.sandbox;

import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.Map;

/** What the WeChat Pay side says about a trade: query answers and the callbacks it sends. */
final class WechatPayMessages {

    private final SandboxKeys keys;
    private final WechatPaySigning signing;

    WechatPayMessages(SandboxKeys keys, WechatPaySigning signing) {
        this.keys = keys;
        this.signing = signing;
    }

    String transaction(SandboxTrade trade) {
        synchronized (trade) {
            return transaction(trade, trade.state(), trade.paidAt());
        }
    }

    /** The transaction as it stood in {@code state}, paid at {@code paidAt} (null if unpaid). */
    private String transaction(SandboxTrade trade, SandboxTrade.State state, Instant paidAt) {
        JsonObject o = new JsonObject();
        o.addProperty("appid", keys.wechatAppid());
        o.addProperty("mchid", keys.wechatMchid());
        o.addProperty("out_trade_no", trade.outTradeNo());
        o.addProperty("trade_type", "NATIVE");
        o.addProperty("trade_state", state.name());
        o.addProperty("trade_state_desc", state.name());
        if (paidAt != null) {
            o.addProperty("transaction_id", trade.transactionId());
            o.addProperty("success_time", ChannelFormats.time(paidAt));
            o.addProperty("bank_type", "OTHERS");
            JsonObject payer = new JsonObject();
            payer.addProperty("openid", "sandbox-payer");
            o.add("payer", payer);
        }
        JsonObject amount = new JsonObject();
        amount.addProperty("total", trade.amount());
        amount.addProperty("currency", trade.currency());
        if (paidAt != null) {
            amount.addProperty("payer_total", trade.amount());
            amount.addProperty("payer_currency", trade.currency());
        }
        o.add("amount", amount);
        return o.toString();
    }

    String refund(SandboxTrade trade, SandboxRefund refund) {
        synchronized (trade) {
            return refundAsNow(trade, refund);
        }
    }

    private String refundAsNow(SandboxTrade trade, SandboxRefund refund) {
        JsonObject o = new JsonObject();
        o.addProperty("refund_id", refund.refundId());
        o.addProperty("out_refund_no", refund.outRefundNo());
        o.addProperty("transaction_id", trade.transactionId());
        o.addProperty("out_trade_no", trade.outTradeNo());
        o.addProperty("channel", "ORIGINAL");
        o.addProperty("user_received_account", "sandbox payer balance");
        o.addProperty("create_time", ChannelFormats.time(refund.createdAt()));
        if (refund.succeededAt() != null) {
            o.addProperty("success_time", ChannelFormats.time(refund.succeededAt()));
        }
        o.addProperty("status", refund.state().name());
        o.addProperty("funds_account", "AVAILABLE");
        o.add("amount", refundAmount(trade, refund));
        return o.toString();
    }

    private static JsonObject refundAmount(SandboxTrade trade, SandboxRefund refund) {
        JsonObject amount = new JsonObject();
        amount.addProperty("total", trade.amount());
        amount.addProperty("refund", refund.amount());
        amount.addProperty("payer_total", trade.amount());
        amount.addProperty("payer_refund", refund.amount());
        amount.addProperty("settlement_refund", refund.amount());
        amount.addProperty("settlement_total", trade.amount());
        amount.addProperty("discount_refund", 0);
        amount.addProperty("currency", trade.currency());
        return amount;
    }

    /** The decrypted resource of a REFUND.SUCCESS notification for a refund settled at {@code succeededAt}. */
    String refundNotice(SandboxTrade trade, SandboxRefund refund, Instant succeededAt) {
        JsonObject o = new JsonObject();
        o.addProperty("mchid", keys.wechatMchid());
        o.addProperty("out_trade_no", trade.outTradeNo());
        o.addProperty("transaction_id", trade.transactionId());
        o.addProperty("out_refund_no", refund.outRefundNo());
        o.addProperty("refund_id", refund.refundId());
        o.addProperty("refund_status", "SUCCESS");
        o.addProperty("success_time", ChannelFormats.time(succeededAt));
        o.addProperty("user_received_account", "sandbox payer balance");
        JsonObject amount = new JsonObject();
        amount.addProperty("total", trade.amount());
        amount.addProperty("refund", refund.amount());
        amount.addProperty("payer_total", trade.amount());
        amount.addProperty("payer_refund", refund.amount());
        o.add("amount", amount);
        return o.toString();
    }

    /** A freshly signed notification; the body (and its id) stays the same across retries. */
    OutboundCallback callback(String url, String body) {
        return new OutboundCallback(url, "application/json", signing.signedHeaders(body), body);
    }

    /** The TRANSACTION.SUCCESS notification of the trade paid at {@code paidAt}. */
    String paymentBody(String eventId, SandboxTrade trade, Instant paidAt) {
        return signing.notificationBody(eventId, "TRANSACTION.SUCCESS", "transaction", "支付成功",
                transaction(trade, SandboxTrade.State.SUCCESS, paidAt));
    }

    String refundBody(String eventId, SandboxTrade trade, SandboxRefund refund, Instant succeededAt) {
        return signing.notificationBody(eventId, "REFUND.SUCCESS", "refund", "退款成功",
                refundNotice(trade, refund, succeededAt));
    }

    static boolean acknowledged(int status, String body) {
        return status == 200 || status == 204;
    }

    Map<String, String> headersFor(String body) {
        return signing.signedHeaders(body);
    }
}
