package io.exactpay.infrastructure.channel.wechatpay;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.wechat.pay.java.core.exception.DecryptionException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.exactpay.application.channel.CallbackReply;
import io.exactpay.application.channel.CallbackVerdict;
import io.exactpay.application.channel.CallbackVerifier;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.application.channel.NonceRegistry;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.channel.RejectionReason;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.infrastructure.channel.AttemptLookup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a WeChat Pay v3 callback, in this order: size; headers; timestamp within five minutes of
 * our clock; key serial; signature and AES-256-GCM decryption (the SDK's NotificationParser);
 * nonce not seen before; mchid and appid; a known out_trade_no (or out_refund_no); a refund's exact
 * amount and currency. A payment is taken with the amount and currency WeChat Pay captured, even
 * when they are not the attempt's: that money is real, and settlement refunds it. The nonce is recorded only after the signature holds, so forged requests cannot
 * use up nonces.
 */
public final class WechatPayCallbackVerifier implements CallbackVerifier {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final CallbackReply OK = new CallbackReply(204, null, "");
    static final int MAX_NONCE_CHARS = 64;

    private final WechatPaySettings settings;
    private final NotificationParser parser;
    private final NonceRegistry nonces;
    private final AttemptLookup attempts;
    private final Clock clock;

    public WechatPayCallbackVerifier(WechatPaySettings settings, NonceRegistry nonces, AttemptLookup attempts,
                                     Clock clock) {
        this.settings = settings;
        this.parser = new NotificationParser(WechatPayChannel.sdkConfig(settings));
        this.nonces = nonces;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT_PAY;
    }

    @Override
    public CallbackVerdict verify(InboundCallback callback) {
        if (callback.body().length > settings.maxCallbackBytes()) {
            return reject(413, RejectionReason.OVERSIZED_BODY, callback.body().length + " bytes");
        }
        String timestamp = callback.header("Wechatpay-Timestamp");
        String nonce = callback.header("Wechatpay-Nonce");
        String serial = callback.header("Wechatpay-Serial");
        String signature = callback.header("Wechatpay-Signature");
        if (blank(timestamp) || blank(nonce) || blank(serial) || blank(signature)) {
            return reject(400, RejectionReason.MISSING_HEADER, "a Wechatpay-* header is missing");
        }
        if (nonce.length() > MAX_NONCE_CHARS) {
            // The replay guard keeps nonces of up to this length (WeChat Pay's are 32).
            return reject(400, RejectionReason.MALFORMED, "nonce longer than " + MAX_NONCE_CHARS + " characters");
        }
        Instant sentAt;
        try {
            sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            // DateTimeException: a number of seconds beyond any Instant (found by fuzzing).
            return reject(400, RejectionReason.MALFORMED, "timestamp is not a number of seconds");
        }
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(WINDOW) > 0) {
            return reject(400, RejectionReason.STALE_TIMESTAMP, "timestamp " + timestamp + " outside five minutes");
        }
        if (!settings.platformPublicKeyId().equals(serial)) {
            return reject(400, RejectionReason.UNKNOWN_KEY_SERIAL, "serial " + serial);
        }
        String body = new String(callback.body(), StandardCharsets.UTF_8);
        String eventType;
        try {
            JsonObject envelope = JsonParser.parseString(body).getAsJsonObject();
            eventType = envelope.get("event_type").getAsString();
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            return reject(400, RejectionReason.MALFORMED, "body is not a notification envelope");
        }
        RequestParam param = new RequestParam.Builder()
                .serialNumber(serial)
                .nonce(nonce)
                .signature(signature)
                .timestamp(timestamp)
                .signType(Optional.ofNullable(callback.header("Wechatpay-Signature-Type"))
                        .orElse("WECHATPAY2-SHA256-RSA2048"))
                .body(body)
                .build();
        try {
            return dispatch(eventType, param, nonce, sentAt);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return reject(400, RejectionReason.MALFORMED, "amount out of range");
        }
    }

    private CallbackVerdict dispatch(String eventType, RequestParam param, String nonce, Instant sentAt) {
        return switch (eventType) {
            case "TRANSACTION.SUCCESS" -> decrypt(param, Transaction.class)
                    .map(t -> checkNonce(nonce, sentAt).orElseGet(() -> payment(t)))
                    .fold();
            // The SDK's RefundNotification model drops mchid, which must be checked: read the JSON.
            case "REFUND.SUCCESS" -> decrypt(param, JsonObject.class)
                    .map(r -> checkNonce(nonce, sentAt).orElseGet(() -> refund(r)))
                    .fold();
            // Authentic events we do not act on (e.g. REFUND.ABNORMAL: the janitor's refund query
            // raises it) are acknowledged once verified, so WeChat Pay stops resending them.
            default -> decrypt(param, JsonObject.class)
                    .map(r -> checkNonce(nonce, sentAt).orElseGet(
                            () -> new CallbackVerdict.Ignored("event " + eventType, OK)))
                    .fold();
        };
    }

    private <T> Decrypted<T> decrypt(RequestParam param, Class<T> type) {
        try {
            return new Decrypted<>(parser.parse(param, type), null);
        } catch (ValidationException e) {
            return new Decrypted<>(null, reject(401, RejectionReason.BAD_SIGNATURE, "signature does not verify"));
        } catch (DecryptionException e) {
            return new Decrypted<>(null, reject(400, RejectionReason.UNDECRYPTABLE, "resource does not decrypt"));
        } catch (MalformedMessageException | JsonParseException | IllegalArgumentException e) {
            return new Decrypted<>(null, reject(400, RejectionReason.MALFORMED, "notification is malformed"));
        }
    }

    private Optional<CallbackVerdict> checkNonce(String nonce, Instant sentAt) {
        if (!nonces.firstSeen("wechatpay", nonce, sentAt.plus(WINDOW))) {
            return Optional.of(reject(400, RejectionReason.REPLAYED_NONCE, "nonce " + nonce + " seen before"));
        }
        return Optional.empty();
    }

    private CallbackVerdict payment(Transaction t) {
        if (!settings.mchid().equals(t.getMchid())) {
            return reject(400, RejectionReason.WRONG_MERCHANT, "mchid " + t.getMchid());
        }
        if (!settings.appid().equals(t.getAppid())) {
            return reject(400, RejectionReason.WRONG_APP, "appid " + t.getAppid());
        }
        if (t.getTradeState() == null || !"SUCCESS".equals(t.getTradeState().name()) || t.getAmount() == null
                || t.getAmount().getTotal() == null || blank(t.getTransactionId())) {
            return reject(400, RejectionReason.MALFORMED, "transaction is not a completed payment");
        }
        Optional<AttemptLookup.KnownAttempt> attempt = attempts.attempt(Channel.WECHAT_PAY, t.getOutTradeNo());
        if (attempt.isEmpty()) {
            return reject(404, RejectionReason.UNKNOWN_TRADE, "out_trade_no " + t.getOutTradeNo());
        }
        String currency = t.getAmount().getCurrency() == null ? "CNY" : t.getAmount().getCurrency();
        if (t.getAmount().getTotal() <= 0 || !ChannelAmount.isCurrencyCode(currency)) {
            return reject(400, RejectionReason.MALFORMED, "captured amount " + t.getAmount().getTotal() + " " + currency);
        }
        // Another amount or currency than the attempt's is still money WeChat Pay took: accepted as
        // captured, so settlement records it as MISMATCHED and refunds it (never pays the order with it).
        ChannelAmount paid = new ChannelAmount(t.getAmount().getTotal(), currency);
        return new CallbackVerdict.Accepted(new PaymentCaptured(Channel.WECHAT_PAY, t.getOutTradeNo(),
                t.getTransactionId(), paid, t.getSuccessTime()), OK);
    }

    private CallbackVerdict refund(JsonObject r) {
        String mchid = text(r, "mchid");
        if (!settings.mchid().equals(mchid)) {
            return reject(400, RejectionReason.WRONG_MERCHANT, "mchid " + mchid);
        }
        JsonObject amount = r.has("amount") && r.get("amount").isJsonObject() ? r.getAsJsonObject("amount") : null;
        String outRefundNo = text(r, "out_refund_no");
        if (!"SUCCESS".equals(text(r, "refund_status")) || amount == null || text(amount, "refund") == null
                || outRefundNo == null) {
            return reject(400, RejectionReason.MALFORMED, "refund is not a completed refund");
        }
        Optional<AttemptLookup.KnownRefund> known = attempts.refund(Channel.WECHAT_PAY, outRefundNo);
        if (known.isEmpty() || !known.get().outTradeNo().equals(text(r, "out_trade_no"))) {
            return reject(404, RejectionReason.UNKNOWN_REFUND, "out_refund_no " + outRefundNo);
        }
        // Refund notifications usually carry no currency: the refund's own applies unless one is given.
        String currency = Optional.ofNullable(text(amount, "currency")).orElse(known.get().amount().currency());
        long fen;
        try {
            fen = amount.get("refund").getAsLong();
        } catch (NumberFormatException e) {
            return reject(400, RejectionReason.MALFORMED, "refund amount is not an integer");
        }
        ChannelAmount refunded = new ChannelAmount(fen, currency);
        Optional<CallbackVerdict> mismatch = compare(known.get().amount(), refunded);
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        return new CallbackVerdict.Accepted(new RefundSettled(Channel.WECHAT_PAY, text(r, "out_trade_no"),
                outRefundNo, text(r, "refund_id"), refunded, text(r, "success_time")), OK);
    }

    private static String text(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonPrimitive() ? o.get(name).getAsString() : null;
    }

    private static Optional<CallbackVerdict> compare(ChannelAmount expected, ChannelAmount actual) {
        if (!expected.currency().equals(actual.currency())) {
            return Optional.of(reject(400, RejectionReason.CURRENCY_MISMATCH,
                    actual.currency() + " instead of " + expected.currency()));
        }
        if (expected.minorUnits() != actual.minorUnits()) {
            return Optional.of(reject(400, RejectionReason.AMOUNT_MISMATCH,
                    actual.minorUnits() + " instead of " + expected.minorUnits()));
        }
        return Optional.empty();
    }

    static CallbackVerdict.Rejected reject(int status, RejectionReason reason, String detail) {
        JsonObject body = new JsonObject();
        body.addProperty("code", "FAIL");
        body.addProperty("message", reason.name());
        return new CallbackVerdict.Rejected(reason, detail,
                new CallbackReply(status, "application/json", body.toString()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A decrypted resource or the rejection that stopped it. */
    private record Decrypted<T>(T value, CallbackVerdict rejection) {
        Decrypted<CallbackVerdict> map(java.util.function.Function<T, CallbackVerdict> next) {
            return rejection != null ? new Decrypted<>(null, rejection) : new Decrypted<>(next.apply(value), null);
        }

        CallbackVerdict fold() {
            return rejection != null ? rejection : (CallbackVerdict) value;
        }
    }
}
