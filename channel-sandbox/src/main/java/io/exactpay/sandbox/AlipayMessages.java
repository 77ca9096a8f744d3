package io.exactpay.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The notifications the Alipay side sends about a trade (form-encoded, RSA2-signed). */
final class AlipayMessages {

    private final SandboxKeys keys;
    private final AlipaySigning signing;

    AlipayMessages(SandboxKeys keys, AlipaySigning signing) {
        this.keys = keys;
        this.signing = signing;
    }

    /** The notice of the trade paid at {@code paidAt}, sent at {@code now}. */
    Map<String, String> paymentNotice(String notifyId, SandboxTrade trade, Instant paidAt, Instant now) {
        Map<String, String> p = base(notifyId, trade, paidAt, now);
        p.put("trade_status", "TRADE_SUCCESS");
        return signing.signNotification(p);
    }

    /** The notice of a refund settled at {@code succeededAt}, sent at {@code now}. */
    Map<String, String> refundNotice(String notifyId, SandboxTrade trade, SandboxRefund refund, Instant succeededAt,
                                     Instant now) {
        Map<String, String> p = base(notifyId, trade, trade.paidAt(), now);
        boolean fullyRefunded = trade.refundable() == 0;
        p.put("trade_status", fullyRefunded ? "TRADE_CLOSED" : "TRADE_SUCCESS");
        p.put("out_biz_no", refund.outRefundNo());
        p.put("refund_fee", ChannelFormats.yuan(refund.amount()));
        p.put("gmt_refund", ChannelFormats.alipayTime(succeededAt));
        return signing.signNotification(p);
    }

    private Map<String, String> base(String notifyId, SandboxTrade trade, Instant paidAt, Instant now) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("notify_time", ChannelFormats.alipayTime(now));
        p.put("notify_type", "trade_status_sync");
        p.put("notify_id", notifyId);
        p.put("charset", "UTF-8");
        p.put("version", "1.0");
        p.put("app_id", keys.alipayAppId());
        p.put("seller_id", keys.alipaySellerId());
        p.put("buyer_id", "2088000000000001");
        p.put("trade_no", trade.transactionId());
        p.put("out_trade_no", trade.outTradeNo());
        p.put("subject", trade.description() == null ? "" : trade.description());
        p.put("total_amount", ChannelFormats.yuan(trade.amount()));
        p.put("receipt_amount", ChannelFormats.yuan(trade.amount()));
        p.put("buyer_pay_amount", ChannelFormats.yuan(trade.amount()));
        p.put("gmt_create", ChannelFormats.alipayTime(trade.createdAt()));
        if (paidAt != null) {
            p.put("gmt_payment", ChannelFormats.alipayTime(paidAt));
        }
        if (!"CNY".equals(trade.currency())) {
            p.put("trans_currency", trade.currency());
        }
        return p;
    }

    /** A notification, signed once: Alipay re-sends the same notice on every retry. */
    OutboundCallback callback(String url, String signedFormBody) {
        return new OutboundCallback(url, "application/x-www-form-urlencoded; charset=utf-8", Map.of(), signedFormBody);
    }

    static boolean acknowledged(int status, String body) {
        return status == 200 && body != null && body.trim().equals("success");
    }
}
