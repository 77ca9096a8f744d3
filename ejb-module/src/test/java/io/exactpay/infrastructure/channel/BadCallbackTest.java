package io.exactpay.infrastructure.channel;

import com.google.gson.JsonObject;
import io.exactpay.application.channel.CallbackVerdict;
import io.exactpay.application.channel.CallbackVerifier;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.channel.RejectionReason;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.sandbox.AlipaySigning;
import io.exactpay.sandbox.SandboxKeys;
import io.exactpay.sandbox.WechatPaySigning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forged, tampered, replayed and malformed callbacks of both channels, each signed with real keys
 * where the case needs a valid signature: every one must be rejected for its own reason, with the
 * channel's failure body, and none may produce a verified message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadCallbackTest {

    private static final long AMOUNT = 100;

    private ChannelTestBed bed;
    private WechatPaySigning wechat;
    private WechatPaySigning strangerWechat;
    private AlipaySigning alipay;
    private AlipaySigning strangerAlipay;
    private SandboxKeys keys;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        bed = new ChannelTestBed(dir.resolve("sandbox"));
        keys = bed.sandbox.keys();
        wechat = new WechatPaySigning(keys, Clock.systemUTC());
        alipay = new AlipaySigning(keys);
        SandboxKeys stranger = SandboxKeys.loadOrGenerate(dir.resolve("stranger"));
        strangerWechat = new WechatPaySigning(stranger, Clock.systemUTC());
        strangerAlipay = new AlipaySigning(stranger);
    }

    @AfterAll
    void stop() throws Exception {
        bed.close();
    }

    /** One forged callback: built against a freshly recorded attempt of {@link #AMOUNT} fen. */
    record Case(String name, Channel channel, RejectionReason expected, Function<Forge, InboundCallback> forge) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a case may use to build its callback. */
    final class Forge {
        final String outTradeNo = "bad" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        final String outRefundNo = "rf" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);

        JsonObject transaction() {
            JsonObject t = new JsonObject();
            t.addProperty("appid", keys.wechatAppid());
            t.addProperty("mchid", keys.wechatMchid());
            t.addProperty("out_trade_no", outTradeNo);
            t.addProperty("transaction_id", "4200000000" + System.nanoTime());
            t.addProperty("trade_type", "NATIVE");
            t.addProperty("trade_state", "SUCCESS");
            t.addProperty("success_time", "2026-11-25T10:00:00+08:00");
            JsonObject amount = new JsonObject();
            amount.addProperty("total", AMOUNT);
            amount.addProperty("currency", "CNY");
            amount.addProperty("payer_total", AMOUNT);
            amount.addProperty("payer_currency", "CNY");
            t.add("amount", amount);
            return t;
        }

        JsonObject refund() {
            JsonObject r = new JsonObject();
            r.addProperty("mchid", keys.wechatMchid());
            r.addProperty("out_trade_no", outTradeNo);
            r.addProperty("transaction_id", "4200000001");
            r.addProperty("out_refund_no", outRefundNo);
            r.addProperty("refund_id", "503000001");
            r.addProperty("refund_status", "SUCCESS");
            r.addProperty("success_time", "2026-11-25T10:05:00+08:00");
            JsonObject amount = new JsonObject();
            amount.addProperty("total", AMOUNT);
            amount.addProperty("refund", AMOUNT);
            amount.addProperty("payer_total", AMOUNT);
            amount.addProperty("payer_refund", AMOUNT);
            r.add("amount", amount);
            return r;
        }

        String paymentBody(JsonObject transaction) {
            return wechat.notificationBody("evt-" + outTradeNo, "TRANSACTION.SUCCESS", "transaction", "支付成功",
                    transaction.toString());
        }

        InboundCallback wechatSigned(String body) {
            return new InboundCallback(wechat.signedHeaders(body), body.getBytes(StandardCharsets.UTF_8));
        }

        InboundCallback wechatSigned(String body, Instant at, String serial) {
            return new InboundCallback(wechat.signedHeaders(body, at, UUID.randomUUID().toString(), serial),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        /** A genuine payment notification without one of its headers. */
        InboundCallback wechatWithout(String header) {
            String body = paymentBody(transaction());
            Map<String, String> headers = new LinkedHashMap<>(wechat.signedHeaders(body));
            headers.remove(header);
            return new InboundCallback(headers, body.getBytes(StandardCharsets.UTF_8));
        }

        /** A genuine payment notification with one header sent twice, as the callback resource joins them ("a,a"). */
        InboundCallback wechatTwice(String header) {
            String body = paymentBody(transaction());
            Map<String, String> headers = new LinkedHashMap<>(wechat.signedHeaders(body));
            headers.put(header, headers.get(header) + "," + headers.get(header));
            return new InboundCallback(headers, body.getBytes(StandardCharsets.UTF_8));
        }

        Map<String, String> alipayPayment() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("notify_time", "2026-11-25 10:00:01");
            p.put("notify_type", "trade_status_sync");
            p.put("notify_id", UUID.randomUUID().toString());
            p.put("charset", "UTF-8");
            p.put("version", "1.0");
            p.put("app_id", keys.alipayAppId());
            p.put("seller_id", keys.alipaySellerId());
            p.put("trade_no", "2026" + System.nanoTime());
            p.put("out_trade_no", outTradeNo);
            p.put("trade_status", "TRADE_SUCCESS");
            p.put("total_amount", "1.00");
            p.put("gmt_payment", "2026-11-25 10:00:00");
            return p;
        }

        InboundCallback alipaySigned(Map<String, String> params) {
            return form(alipay.signNotification(params));
        }

        InboundCallback form(Map<String, String> params) {
            return new InboundCallback(Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    AlipaySigning.formBody(params).getBytes(StandardCharsets.UTF_8));
        }
    }

    List<Case> badCallbacks() {
        return List.of(
                // WeChat Pay
                new Case("wechat: signed with another platform key", Channel.WECHAT_PAY, RejectionReason.BAD_SIGNATURE,
                        f -> {
                            String body = f.paymentBody(f.transaction());
                            return new InboundCallback(strangerWechat.signedHeaders(body, Instant.now(), "n1" + f.outTradeNo,
                                    keys.wechatPlatformKeyId()), body.getBytes(StandardCharsets.UTF_8));
                        }),
                new Case("wechat: unknown key serial", Channel.WECHAT_PAY, RejectionReason.UNKNOWN_KEY_SERIAL,
                        f -> f.wechatSigned(f.paymentBody(f.transaction()), Instant.now(), "PUB_KEY_ID_0000000000")),
                new Case("wechat: timestamp six minutes old", Channel.WECHAT_PAY, RejectionReason.STALE_TIMESTAMP,
                        f -> f.wechatSigned(f.paymentBody(f.transaction()), Instant.now().minusSeconds(360),
                                keys.wechatPlatformKeyId())),
                new Case("wechat: timestamp six minutes ahead", Channel.WECHAT_PAY, RejectionReason.STALE_TIMESTAMP,
                        f -> f.wechatSigned(f.paymentBody(f.transaction()), Instant.now().plusSeconds(360),
                                keys.wechatPlatformKeyId())),
                new Case("wechat: signed nonce longer than the replay guard keeps", Channel.WECHAT_PAY,
                        RejectionReason.MALFORMED, f -> {
                            String body = f.paymentBody(f.transaction());
                            return new InboundCallback(wechat.signedHeaders(body, Instant.now(), "n".repeat(65),
                                    keys.wechatPlatformKeyId()), body.getBytes(StandardCharsets.UTF_8));
                        }),
                new Case("wechat: replayed nonce", Channel.WECHAT_PAY, RejectionReason.REPLAYED_NONCE, f -> {
                    InboundCallback original = f.wechatSigned(f.paymentBody(f.transaction()));
                    // The original delivery is accepted; the same request sent again must not be.
                    assertInstanceOf(CallbackVerdict.Accepted.class, bed.wechatPayVerifier.verify(original));
                    return original;
                }),
                new Case("wechat: body tampered after signing", Channel.WECHAT_PAY, RejectionReason.BAD_SIGNATURE, f -> {
                    String body = f.paymentBody(f.transaction());
                    Map<String, String> headers = wechat.signedHeaders(body);
                    String tampered = body.replace("\"summary\":\"支付成功\"", "\"summary\":\"支付成功 \"");
                    return new InboundCallback(headers, tampered.getBytes(StandardCharsets.UTF_8));
                }),
                new Case("wechat: unknown out_trade_no", Channel.WECHAT_PAY, RejectionReason.UNKNOWN_TRADE, f -> {
                    JsonObject t = f.transaction();
                    t.addProperty("out_trade_no", "never-recorded-" + f.outTradeNo);
                    return f.wechatSigned(f.paymentBody(t));
                }),
                new Case("wechat: another merchant's mchid", Channel.WECHAT_PAY, RejectionReason.WRONG_MERCHANT, f -> {
                    JsonObject t = f.transaction();
                    t.addProperty("mchid", "1900000001");
                    return f.wechatSigned(f.paymentBody(t));
                }),
                new Case("wechat: another app's appid", Channel.WECHAT_PAY, RejectionReason.WRONG_APP, f -> {
                    JsonObject t = f.transaction();
                    t.addProperty("appid", "wx0000000000000000");
                    return f.wechatSigned(f.paymentBody(t));
                }),
                new Case("wechat: captured amount of zero", Channel.WECHAT_PAY, RejectionReason.MALFORMED, f -> {
                    JsonObject t = f.transaction();
                    t.getAsJsonObject("amount").addProperty("total", 0);
                    return f.wechatSigned(f.paymentBody(t));
                }),
                new Case("wechat: currency that is not an ISO code", Channel.WECHAT_PAY, RejectionReason.MALFORMED, f -> {
                    JsonObject t = f.transaction();
                    t.getAsJsonObject("amount").addProperty("currency", "cny\n");
                    return f.wechatSigned(f.paymentBody(t));
                }),
                new Case("wechat: body is not JSON", Channel.WECHAT_PAY, RejectionReason.MALFORMED,
                        f -> f.wechatSigned("{\"id\":\"x\",\"event_type\":")),
                new Case("wechat: oversized body", Channel.WECHAT_PAY, RejectionReason.OVERSIZED_BODY,
                        f -> f.wechatSigned("{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}")),
                new Case("wechat: signature header missing", Channel.WECHAT_PAY, RejectionReason.MISSING_HEADER, f -> {
                    String body = f.paymentBody(f.transaction());
                    Map<String, String> headers = new LinkedHashMap<>(wechat.signedHeaders(body));
                    headers.remove("Wechatpay-Signature");
                    return new InboundCallback(headers, body.getBytes(StandardCharsets.UTF_8));
                }),
                new Case("wechat: Wechatpay-Timestamp header missing", Channel.WECHAT_PAY, RejectionReason.MISSING_HEADER,
                        f -> f.wechatWithout("Wechatpay-Timestamp")),
                new Case("wechat: Wechatpay-Nonce header missing", Channel.WECHAT_PAY, RejectionReason.MISSING_HEADER,
                        f -> f.wechatWithout("Wechatpay-Nonce")),
                new Case("wechat: Wechatpay-Serial header missing", Channel.WECHAT_PAY, RejectionReason.MISSING_HEADER,
                        f -> f.wechatWithout("Wechatpay-Serial")),
                new Case("wechat: Wechatpay-Timestamp header sent twice", Channel.WECHAT_PAY, RejectionReason.MALFORMED,
                        f -> f.wechatTwice("Wechatpay-Timestamp")),
                new Case("wechat: Wechatpay-Nonce header sent twice", Channel.WECHAT_PAY, RejectionReason.MALFORMED,
                        f -> f.wechatTwice("Wechatpay-Nonce")),
                new Case("wechat: Wechatpay-Serial header sent twice", Channel.WECHAT_PAY, RejectionReason.UNKNOWN_KEY_SERIAL,
                        f -> f.wechatTwice("Wechatpay-Serial")),
                new Case("wechat: Wechatpay-Signature header sent twice", Channel.WECHAT_PAY, RejectionReason.MALFORMED,
                        f -> f.wechatTwice("Wechatpay-Signature")),
                new Case("wechat: timestamp not a number", Channel.WECHAT_PAY, RejectionReason.MALFORMED, f -> {
                    String body = f.paymentBody(f.transaction());
                    Map<String, String> headers = new LinkedHashMap<>(wechat.signedHeaders(body));
                    headers.put("Wechatpay-Timestamp", "1e9");
                    return new InboundCallback(headers, body.getBytes(StandardCharsets.UTF_8));
                }),
                new Case("wechat: timestamp beyond any instant", Channel.WECHAT_PAY, RejectionReason.MALFORMED, f -> {
                    // Found by the bounded fuzzing run: Instant.ofEpochSecond threw, a 500 and a retry.
                    String body = f.paymentBody(f.transaction());
                    Map<String, String> headers = new LinkedHashMap<>(wechat.signedHeaders(body));
                    headers.put("Wechatpay-Timestamp", "99999999999999999");
                    return new InboundCallback(headers, body.getBytes(StandardCharsets.UTF_8));
                }),
                new Case("wechat: envelope without event_type", Channel.WECHAT_PAY, RejectionReason.MALFORMED,
                        f -> f.wechatSigned("{\"id\":\"EV-1\",\"resource\":{}}")),
                new Case("wechat: envelope is a JSON array", Channel.WECHAT_PAY, RejectionReason.MALFORMED,
                        f -> f.wechatSigned("[{\"event_type\":\"TRANSACTION.SUCCESS\"}]")),
                new Case("wechat: empty body", Channel.WECHAT_PAY, RejectionReason.MALFORMED, f -> f.wechatSigned("")),
                new Case("wechat: resource encrypted with another APIv3 key", Channel.WECHAT_PAY,
                        RejectionReason.UNDECRYPTABLE, f -> f.wechatSigned(strangerWechat.notificationBody("evt",
                                "TRANSACTION.SUCCESS", "transaction", "支付成功", f.transaction().toString()))),
                new Case("wechat: unhandled event type signed with another key", Channel.WECHAT_PAY,
                        RejectionReason.BAD_SIGNATURE, f -> {
                            String body = wechat.notificationBody("evt", "REFUND.ABNORMAL", "refund", "退款异常",
                                    f.refund().toString());
                            return new InboundCallback(strangerWechat.signedHeaders(body, Instant.now(), "n2" + f.outTradeNo,
                                    keys.wechatPlatformKeyId()), body.getBytes(StandardCharsets.UTF_8));
                        }),
                new Case("wechat: payment event for an unpaid trade", Channel.WECHAT_PAY, RejectionReason.MALFORMED, f -> {
                    JsonObject t = f.transaction();
                    t.addProperty("trade_state", "NOTPAY");
                    return f.wechatSigned(f.paymentBody(t));
                }),
                new Case("wechat: refund we never asked for", Channel.WECHAT_PAY, RejectionReason.UNKNOWN_REFUND, f -> {
                    JsonObject r = f.refund();
                    r.addProperty("out_refund_no", "never-" + f.outRefundNo);
                    return f.wechatSigned(wechat.notificationBody("evt", "REFUND.SUCCESS", "refund", "退款成功",
                            r.toString()));
                }),
                new Case("wechat: refund amount differs", Channel.WECHAT_PAY, RejectionReason.AMOUNT_MISMATCH, f -> {
                    JsonObject r = f.refund();
                    r.getAsJsonObject("amount").addProperty("refund", AMOUNT * 2);
                    return f.wechatSigned(wechat.notificationBody("evt", "REFUND.SUCCESS", "refund", "退款成功",
                            r.toString()));
                }),
                // Alipay
                new Case("alipay: signed with the wrong key", Channel.ALIPAY, RejectionReason.BAD_SIGNATURE,
                        f -> f.form(strangerAlipay.signNotification(f.alipayPayment()))),
                new Case("alipay: amount tampered after signing", Channel.ALIPAY, RejectionReason.BAD_SIGNATURE, f -> {
                    Map<String, String> signed = alipay.signNotification(f.alipayPayment());
                    signed.put("total_amount", "0.01");
                    return f.form(signed);
                }),
                new Case("alipay: unknown out_trade_no", Channel.ALIPAY, RejectionReason.UNKNOWN_TRADE, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("out_trade_no", "never-recorded-" + f.outTradeNo);
                    return f.alipaySigned(p);
                }),
                new Case("alipay: another app's app_id", Channel.ALIPAY, RejectionReason.WRONG_APP, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("app_id", "2021000000000000");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: another seller", Channel.ALIPAY, RejectionReason.WRONG_MERCHANT, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("seller_id", "2088000000000000");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: no seller_id", Channel.ALIPAY, RejectionReason.WRONG_MERCHANT, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.remove("seller_id");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: captured amount of zero", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("total_amount", "0.00");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: currency that is not an ISO code", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("trans_currency", "usd");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: a field sent twice", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    InboundCallback signed = f.alipaySigned(f.alipayPayment());
                    String twice = new String(signed.body(), StandardCharsets.UTF_8) + "&out_trade_no=" + f.outTradeNo;
                    return new InboundCallback(signed.headers(), twice.getBytes(StandardCharsets.UTF_8));
                }),
                new Case("alipay: app_id missing", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.remove("app_id");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: trade_no missing on a paid trade", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.remove("trade_no");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: amount not a number", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("total_amount", "1e2");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: negative amount", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("total_amount", "-1.00");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: SHA1 sign_type", Channel.ALIPAY, RejectionReason.BAD_SIGNATURE, f -> {
                    Map<String, String> signed = alipay.signNotification(f.alipayPayment());
                    signed.put("sign_type", "RSA");
                    return f.form(signed);
                }),
                new Case("alipay: sign missing", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> signed = alipay.signNotification(f.alipayPayment());
                    signed.remove("sign");
                    return f.form(signed);
                }),
                new Case("alipay: body is not a form", Channel.ALIPAY, RejectionReason.MALFORMED,
                        f -> new InboundCallback(Map.of(), "{\"out_trade_no\":\"x\"}".getBytes(StandardCharsets.UTF_8))),
                new Case("alipay: fraction of a fen", Channel.ALIPAY, RejectionReason.MALFORMED, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("total_amount", "1.001");
                    return f.alipaySigned(p);
                }),
                new Case("alipay: oversized body", Channel.ALIPAY, RejectionReason.OVERSIZED_BODY, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("body", "x".repeat(70 * 1024));
                    return f.alipaySigned(p);
                }),
                new Case("alipay: refund we never asked for", Channel.ALIPAY, RejectionReason.UNKNOWN_REFUND, f -> {
                    Map<String, String> p = f.alipayPayment();
                    p.put("out_biz_no", "never-" + f.outRefundNo);
                    p.put("refund_fee", "1.00");
                    return f.alipaySigned(p);
                }));
    }

    private CallbackVerifier verifier(Channel channel) {
        return channel == Channel.WECHAT_PAY ? bed.wechatPayVerifier : bed.alipayVerifier;
    }

    private Forge recordedAttempt(Channel channel) {
        Forge f = new Forge();
        bed.attempts.record(channel, f.outTradeNo, ChannelAmount.cny(AMOUNT));
        bed.attempts.recordRefund(channel, f.outTradeNo, f.outRefundNo, ChannelAmount.cny(AMOUNT));
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCallbacks")
    void badCallbackIsRejectedForItsReasonWithTheChannelsFailureBody(Case c) {
        InboundCallback callback = c.forge().apply(recordedAttempt(c.channel()));
        CallbackVerdict verdict = verifier(c.channel()).verify(callback);
        CallbackVerdict.Rejected rejected = assertInstanceOf(CallbackVerdict.Rejected.class, verdict, c.name());
        assertEquals(c.expected(), rejected.reason(), rejected.detail());
        if (c.channel() == Channel.WECHAT_PAY) {
            assertTrue(rejected.reply().status() >= 400, "WeChat Pay retries only on 4xx/5xx");
            assertTrue(rejected.reply().body().contains("\"code\":\"FAIL\""), rejected.reply().body());
        } else {
            assertEquals("failure", rejected.reply().body());
        }
    }

    @Test
    void tableHasAtLeastTwentyCasesAcrossBothChannels() {
        List<Case> cases = badCallbacks();
        assertTrue(cases.size() >= 20, "cases: " + cases.size());
        assertTrue(cases.stream().anyMatch(c -> c.channel() == Channel.ALIPAY));
        assertTrue(cases.stream().anyMatch(c -> c.channel() == Channel.WECHAT_PAY));
    }

    /**
     * Every trade status a channel can put in a signed payment notice: only a completed payment
     * (WeChat Pay SUCCESS; Alipay TRADE_SUCCESS, TRADE_FINISHED) is a capture. WeChat Pay sends
     * TRANSACTION.SUCCESS for SUCCESS only, so any other trade_state there is malformed; Alipay's
     * notices of an unpaid or closed trade are acknowledged and ignored.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "WECHAT_PAY, SUCCESS, accepted",
        "WECHAT_PAY, REFUND, MALFORMED",
        "WECHAT_PAY, NOTPAY, MALFORMED",
        "WECHAT_PAY, CLOSED, MALFORMED",
        "WECHAT_PAY, REVOKED, MALFORMED",
        "WECHAT_PAY, USERPAYING, MALFORMED",
        "WECHAT_PAY, PAYERROR, MALFORMED",
        "ALIPAY, TRADE_SUCCESS, accepted",
        "ALIPAY, TRADE_FINISHED, accepted",
        "ALIPAY, WAIT_BUYER_PAY, ignored",
        "ALIPAY, TRADE_CLOSED, ignored",
        "ALIPAY, TRADE_PENDING, ignored",
    })
    void everyTradeStatusTheChannelCanSendGetsItsAnswer(Channel channel, String status, String expected) {
        Forge f = recordedAttempt(channel);
        CallbackVerdict verdict;
        if (channel == Channel.WECHAT_PAY) {
            JsonObject t = f.transaction();
            t.addProperty("trade_state", status);
            verdict = bed.wechatPayVerifier.verify(f.wechatSigned(f.paymentBody(t)));
        } else {
            Map<String, String> p = f.alipayPayment();
            p.put("trade_status", status);
            verdict = bed.alipayVerifier.verify(f.alipaySigned(p));
        }
        switch (expected) {
            case "accepted" -> assertCaptured(verdict, ChannelAmount.cny(AMOUNT));
            case "ignored" -> assertEquals("success", assertInstanceOf(CallbackVerdict.Ignored.class, verdict).reply().body());
            default -> assertEquals(RejectionReason.valueOf(expected),
                    assertInstanceOf(CallbackVerdict.Rejected.class, verdict).reason());
        }
    }

    /**
     * A signed notice that the channel captured another amount or currency than the attempt's is
     * the channel's word that money moved: it is accepted with what was captured (settlement records
     * it as MISMATCHED and refunds it), never refused, or the channel would resend it for a day while
     * the payer's money stays unsettled.
     */
    @Test
    void aSignedCaptureOfAnotherAmountOrCurrencyIsAcceptedWithWhatTheChannelCaptured() {
        Forge wAmount = recordedAttempt(Channel.WECHAT_PAY);
        JsonObject t = wAmount.transaction();
        t.getAsJsonObject("amount").addProperty("total", AMOUNT - 1);
        assertCaptured(bed.wechatPayVerifier.verify(wAmount.wechatSigned(wAmount.paymentBody(t))),
                new ChannelAmount(AMOUNT - 1, "CNY"));

        Forge wCurrency = recordedAttempt(Channel.WECHAT_PAY);
        JsonObject u = wCurrency.transaction();
        u.getAsJsonObject("amount").addProperty("currency", "USD");
        assertCaptured(bed.wechatPayVerifier.verify(wCurrency.wechatSigned(wCurrency.paymentBody(u))),
                new ChannelAmount(AMOUNT, "USD"));

        Forge aAmount = recordedAttempt(Channel.ALIPAY);
        Map<String, String> p = aAmount.alipayPayment();
        p.put("total_amount", "0.99");
        assertCaptured(bed.alipayVerifier.verify(aAmount.alipaySigned(p)), new ChannelAmount(99, "CNY"));

        Forge aCurrency = recordedAttempt(Channel.ALIPAY);
        Map<String, String> q = aCurrency.alipayPayment();
        q.put("trans_currency", "USD");
        assertCaptured(bed.alipayVerifier.verify(aCurrency.alipaySigned(q)), new ChannelAmount(AMOUNT, "USD"));
    }

    private static void assertCaptured(CallbackVerdict verdict, ChannelAmount expected) {
        CallbackVerdict.Accepted accepted = assertInstanceOf(CallbackVerdict.Accepted.class, verdict,
                () -> verdict instanceof CallbackVerdict.Rejected r ? r.reason() + " " + r.detail() : verdict.toString());
        assertEquals(expected, assertInstanceOf(PaymentCaptured.class, accepted.message()).amount());
    }

    /**
     * The forging is sound: the same builders without the defect produce accepted callbacks, and
     * authentic events that carry no money movement are acknowledged without a message.
     */
    @Test
    void untamperedCallbacksOfBothChannelsAreAccepted() {
        Forge w = recordedAttempt(Channel.WECHAT_PAY);
        CallbackVerdict wechatVerdict = bed.wechatPayVerifier.verify(w.wechatSigned(w.paymentBody(w.transaction())));
        PaymentCaptured captured = (PaymentCaptured) assertInstanceOf(CallbackVerdict.Accepted.class, wechatVerdict)
                .message();
        assertEquals(ChannelAmount.cny(AMOUNT), captured.amount());
        assertEquals(204, wechatVerdict.reply().status());

        Forge wr = recordedAttempt(Channel.WECHAT_PAY);
        CallbackVerdict refundVerdict = bed.wechatPayVerifier.verify(wr.wechatSigned(wechat.notificationBody("evt",
                "REFUND.SUCCESS", "refund", "退款成功", wr.refund().toString())));
        assertInstanceOf(RefundSettled.class, assertInstanceOf(CallbackVerdict.Accepted.class, refundVerdict).message());

        Forge abnormal = recordedAttempt(Channel.WECHAT_PAY);
        CallbackVerdict ignored = bed.wechatPayVerifier.verify(abnormal.wechatSigned(wechat.notificationBody("evt",
                "REFUND.ABNORMAL", "refund", "退款异常", abnormal.refund().toString())));
        assertInstanceOf(CallbackVerdict.Ignored.class, ignored);
        assertEquals(204, ignored.reply().status());

        Forge waiting = recordedAttempt(Channel.ALIPAY);
        Map<String, String> unpaid = waiting.alipayPayment();
        unpaid.put("trade_status", "WAIT_BUYER_PAY");
        CallbackVerdict notACapture = bed.alipayVerifier.verify(waiting.alipaySigned(unpaid));
        assertInstanceOf(CallbackVerdict.Ignored.class, notACapture);
        assertEquals("success", notACapture.reply().body());

        Forge a = recordedAttempt(Channel.ALIPAY);
        CallbackVerdict alipayVerdict = bed.alipayVerifier.verify(a.alipaySigned(a.alipayPayment()));
        assertInstanceOf(CallbackVerdict.Accepted.class, alipayVerdict);
        assertEquals("success", alipayVerdict.reply().body());
    }
}
