package io.exactpay.infrastructure.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import io.exactpay.application.channel.CallbackReply;
import io.exactpay.application.channel.CallbackVerdict;
import io.exactpay.application.channel.CallbackVerifier;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.channel.RejectionReason;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.infrastructure.channel.AttemptLookup;
import io.exactpay.infrastructure.channel.ChannelProperties;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an Alipay asynchronous notification (form-encoded): size; RSA2 signature over the sorted
 * parameters with Alipay's public key (AlipaySignature.rsaCheckV1, 4-argument form: the
 * 3-argument form is SHA1); app_id and seller_id; a known out_trade_no (or out_request_no); a
 * refund's exact amount and currency. A payment is taken with the amount and currency Alipay
 * captured, even when they are not the attempt's: that money is real, and settlement refunds it. Alipay resends the same signed notification for a day, so there is
 * no timestamp window; duplicates are caught by the inbox's unique key on notify_id.
 */
public final class AlipayCallbackVerifier implements CallbackVerifier {

    private static final CallbackReply SUCCESS = new CallbackReply(200, "text/plain; charset=utf-8", "success");

    private final AlipaySettings settings;
    private final String alipayPublicKey;
    private final AttemptLookup attempts;

    public AlipayCallbackVerifier(AlipaySettings settings, AttemptLookup attempts) {
        this.settings = settings;
        this.alipayPublicKey = ChannelProperties.pemBody(settings.alipayPublicKeyFile());
        this.attempts = attempts;
    }

    @Override
    public Channel channel() {
        return Channel.ALIPAY;
    }

    @Override
    public CallbackVerdict verify(InboundCallback callback) {
        if (callback.body().length > settings.maxCallbackBytes()) {
            return reject(RejectionReason.OVERSIZED_BODY, callback.body().length + " bytes");
        }
        Map<String, String> params;
        try {
            params = decodeForm(callback.body());
        } catch (IllegalArgumentException e) {
            return reject(RejectionReason.MALFORMED, "body is not a form");
        }
        if (blank(params.get("sign")) || blank(params.get("out_trade_no")) || blank(params.get("app_id"))) {
            return reject(RejectionReason.MALFORMED, "sign, out_trade_no or app_id missing");
        }
        if (!"RSA2".equals(params.get("sign_type"))) {
            return reject(RejectionReason.BAD_SIGNATURE, "sign_type " + params.get("sign_type"));
        }
        try {
            String charset = params.getOrDefault("charset", "UTF-8");
            if (!AlipaySignature.rsaCheckV1(new HashMap<>(params), alipayPublicKey, charset, "RSA2")) {
                return reject(RejectionReason.BAD_SIGNATURE, "signature does not verify");
            }
        } catch (AlipayApiException | RuntimeException e) {
            return reject(RejectionReason.BAD_SIGNATURE, "signature cannot be checked");
        }
        if (!settings.appId().equals(params.get("app_id"))) {
            return reject(RejectionReason.WRONG_APP, "app_id " + params.get("app_id"));
        }
        if (!settings.sellerId().equals(params.get("seller_id"))) {
            return reject(RejectionReason.WRONG_MERCHANT, "seller_id " + params.get("seller_id"));
        }
        try {
            return params.containsKey("out_biz_no") && params.containsKey("refund_fee")
                    ? refund(params) : payment(params);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return reject(RejectionReason.MALFORMED, "amount is not a yuan amount");
        }
    }

    private CallbackVerdict payment(Map<String, String> p) {
        String status = p.getOrDefault("trade_status", "");
        if (!status.equals("TRADE_SUCCESS") && !status.equals("TRADE_FINISHED")) {
            // Authentic, but not a capture (e.g. WAIT_BUYER_PAY, or TRADE_CLOSED of an unpaid trade).
            return new CallbackVerdict.Ignored("trade_status " + status, SUCCESS);
        }
        if (blank(p.get("trade_no")) || blank(p.get("total_amount"))) {
            return reject(RejectionReason.MALFORMED, "trade_no or total_amount missing");
        }
        Optional<AttemptLookup.KnownAttempt> attempt = attempts.attempt(Channel.ALIPAY, p.get("out_trade_no"));
        if (attempt.isEmpty()) {
            return reject(RejectionReason.UNKNOWN_TRADE, "out_trade_no " + p.get("out_trade_no"));
        }
        ChannelAmount paid = new ChannelAmount(AlipayStates.fen(p.get("total_amount")), currency(p));
        if (paid.minorUnits() <= 0 || !ChannelAmount.isCurrencyCode(paid.currency())) {
            return reject(RejectionReason.MALFORMED, "captured amount " + paid.minorUnits() + " " + paid.currency());
        }
        // Another amount or currency than the attempt's is still money Alipay took: accepted as
        // captured, so settlement records it as MISMATCHED and refunds it (never pays the order with it).
        return new CallbackVerdict.Accepted(new PaymentCaptured(Channel.ALIPAY,
                p.get("out_trade_no"), p.get("trade_no"), paid, p.get("gmt_payment")), SUCCESS);
    }

    private CallbackVerdict refund(Map<String, String> p) {
        Optional<AttemptLookup.KnownRefund> known = attempts.refund(Channel.ALIPAY, p.get("out_biz_no"));
        if (known.isEmpty() || !known.get().outTradeNo().equals(p.get("out_trade_no"))) {
            return reject(RejectionReason.UNKNOWN_REFUND, "out_biz_no " + p.get("out_biz_no"));
        }
        // A refund notice of a domestic trade names no currency: the refund's own (its trade's) applies.
        String currency = blank(p.get("trans_currency")) ? known.get().amount().currency() : p.get("trans_currency");
        ChannelAmount refunded = new ChannelAmount(AlipayStates.fen(p.get("refund_fee")), currency);
        Optional<CallbackVerdict> mismatch = compare(known.get().amount(), refunded);
        return mismatch.orElseGet(() -> new CallbackVerdict.Accepted(new RefundSettled(Channel.ALIPAY,
                p.get("out_trade_no"), p.get("out_biz_no"), p.get("trade_no"), refunded, p.get("gmt_refund")),
                SUCCESS));
    }

    /** Domestic notifications name no currency and mean CNY; cross-border ones carry trans_currency. */
    private static String currency(Map<String, String> p) {
        return blank(p.get("trans_currency")) ? "CNY" : p.get("trans_currency");
    }

    private static Optional<CallbackVerdict> compare(ChannelAmount expected, ChannelAmount actual) {
        if (!expected.currency().equals(actual.currency())) {
            return Optional.of(reject(RejectionReason.CURRENCY_MISMATCH,
                    actual.currency() + " instead of " + expected.currency()));
        }
        if (expected.minorUnits() != actual.minorUnits()) {
            return Optional.of(reject(RejectionReason.AMOUNT_MISMATCH,
                    actual.minorUnits() + " instead of " + expected.minorUnits()));
        }
        return Optional.empty();
    }

    static Map<String, String> decodeForm(byte[] body) {
        String text = new String(body, StandardCharsets.US_ASCII);
        if (text.isBlank() || !text.contains("=")) {
            throw new IllegalArgumentException("empty form");
        }
        Charset charset = StandardCharsets.UTF_8;
        Map<String, String> params = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a form field: " + pair);
            }
            String name = URLDecoder.decode(pair.substring(0, eq), charset);
            if (params.put(name, URLDecoder.decode(pair.substring(eq + 1), charset)) != null) {
                throw new IllegalArgumentException("repeated field " + name);
            }
        }
        return params;
    }

    static CallbackVerdict.Rejected reject(RejectionReason reason, String detail) {
        return new CallbackVerdict.Rejected(reason, detail, new CallbackReply(400, "text/plain; charset=utf-8",
                "failure"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
