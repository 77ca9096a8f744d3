package io.exactpay.infrastructure.channel;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.exactpay.application.channel.CallbackReply;
import io.exactpay.application.channel.CallbackVerdict;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.domain.model.payment.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fuzzes both channels' callback verifiers (Jazzer) with what anyone can send to the callback
 * paths: every input gets a verdict with the channel's own reply (never an exception, which would
 * be a 500 and a retry), and nothing that the channel did not sign is accepted. {@code mvn verify}
 * runs the seeds in {@code CallbackVerifierFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes for the
 * duration given here (see README, "Security").
 */
class CallbackVerifierFuzzTest {

    private static ChannelTestBed bed;

    @BeforeAll
    static void startSandbox() throws Exception {
        bed = new ChannelTestBed(Files.createTempDirectory("fuzz-keys"));
        bed.attempts.record(Channel.ALIPAY, "fuzz-trade-1", ChannelAmount.cny(1999));
        bed.attempts.record(Channel.WECHAT_PAY, "fuzz-trade-1", ChannelAmount.cny(1999));
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        if (bed != null) bed.close();
    }

    @FuzzTest(maxDuration = "1m")
    void alipayNotices(FuzzedDataProvider data) {
        // The raw bytes as the body: the seeds are plain form files.
        check(bed.alipayVerifier.verify(new InboundCallback(
                Map.of("Content-Type", "application/x-www-form-urlencoded"), data.consumeRemainingAsBytes())));
    }

    @FuzzTest(maxDuration = "1m")
    void wechatPayNotifications(FuzzedDataProvider data) {
        Map<String, String> headers = new HashMap<>();
        // Mostly plausible headers, so that the fuzzer gets past the cheap checks to the signature.
        headers.put("Wechatpay-Timestamp", data.consumeBoolean() ? Long.toString(Instant.now().getEpochSecond())
                : data.consumeString(24));
        headers.put("Wechatpay-Nonce", data.consumeString(80));
        headers.put("Wechatpay-Serial", data.consumeBoolean() ? bed.wechatPaySettings.platformPublicKeyId()
                : data.consumeString(64));
        headers.put("Wechatpay-Signature", data.consumeString(400));
        if (data.consumeBoolean()) headers.put("Wechatpay-Signature-Type", data.consumeString(40));
        check(bed.wechatPayVerifier.verify(new InboundCallback(headers, data.consumeRemainingAsBytes())));
    }

    private static void check(CallbackVerdict verdict) {
        if (verdict == null) throw new AssertionError("no verdict");
        if (verdict instanceof CallbackVerdict.Accepted accepted) {
            throw new AssertionError("accepted what the channel never signed: " + accepted.message());
        }
        CallbackReply reply = verdict instanceof CallbackVerdict.Rejected r ? r.reply()
                : ((CallbackVerdict.Ignored) verdict).reply();
        if (reply == null || reply.status() < 200 || reply.status() >= 500) {
            throw new AssertionError("no channel reply or a server error: " + reply);
        }
    }
}
