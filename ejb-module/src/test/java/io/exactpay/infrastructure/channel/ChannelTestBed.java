package io.exactpay.infrastructure.channel;

import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentInstruction;
import io.exactpay.application.channel.PaymentOrder;
import io.exactpay.infrastructure.channel.alipay.AlipayCallbackVerifier;
import io.exactpay.infrastructure.channel.alipay.AlipayChannel;
import io.exactpay.infrastructure.channel.alipay.AlipaySettings;
import io.exactpay.infrastructure.channel.wechatpay.WechatPayCallbackVerifier;
import io.exactpay.infrastructure.channel.wechatpay.WechatPayChannel;
import io.exactpay.infrastructure.channel.wechatpay.WechatPaySettings;
import io.exactpay.sandbox.ChannelSandbox;
import io.exactpay.sandbox.SandboxSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * One channel sandbox, started in the test JVM on a free 127.0.0.1 port with freshly generated
 * keys, plus ExactPay's adapters and verifiers configured from the settings it writes. Each test
 * class owns one; tests use their own trade numbers, so they never see each other's trades.
 */
public final class ChannelTestBed implements AutoCloseable {

    /** Runs WeChat Pay's 24-hour retry schedule in about 90 seconds, Alipay's first retry in 0.24 s. */
    public static final double TIME_FACTOR = 0.001;
    public static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    public final ChannelSandbox sandbox;
    public final SandboxControl control;
    public final Properties settings;
    public final WechatPaySettings wechatPaySettings;
    public final AlipaySettings alipaySettings;
    public final RecordedAttempts attempts = new RecordedAttempts();
    public final InProcessNonceRegistry nonces = new InProcessNonceRegistry(Clock.systemUTC());
    public final WechatPayCallbackVerifier wechatPayVerifier;
    public final AlipayCallbackVerifier alipayVerifier;
    public final CallbackEndpoint endpoint;
    public final WechatPayChannel wechatPay;
    public final AlipayChannel alipay;

    public ChannelTestBed(Path keysDir) throws Exception {
        this(keysDir, TIME_FACTOR);
    }

    public ChannelTestBed(Path keysDir, double timeFactor) throws Exception {
        sandbox = ChannelSandbox.start(SandboxSettings.defaults(keysDir).withTimeFactor(timeFactor)
                .withApiTimeoutHold(READ_TIMEOUT.multipliedBy(3)));
        control = new SandboxControl(sandbox.baseUrl());
        settings = sandbox.exactPaySettings();
        wechatPaySettings = WechatPaySettings.from(settings).withReadTimeout(READ_TIMEOUT);
        alipaySettings = AlipaySettings.from(settings).withReadTimeout(READ_TIMEOUT);
        wechatPayVerifier = new WechatPayCallbackVerifier(wechatPaySettings, nonces, attempts, Clock.systemUTC());
        alipayVerifier = new AlipayCallbackVerifier(alipaySettings, attempts);
        endpoint = new CallbackEndpoint(wechatPayVerifier, alipayVerifier);
        wechatPay = new WechatPayChannel(wechatPaySettings);
        alipay = new AlipayChannel(alipaySettings);
    }

    /** A fresh out_trade_no (WeChat Pay allows 6-32 characters of [A-Za-z0-9_-*|]). */
    public static String newTradeNo(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Records the attempt as ExactPay would before calling the channel, then opens it. */
    public PaymentInstruction open(PaymentChannel channel, String outTradeNo, long fen) {
        ChannelAmount amount = ChannelAmount.cny(fen);
        attempts.record(channel.channel(), outTradeNo, amount);
        return channel.createPayment(new PaymentOrder(outTradeNo, "ExactPay test order", amount,
                endpoint.url(channel.channel()), null));
    }

    @Override
    public void close() throws Exception {
        endpoint.close();
        sandbox.close();
    }
}
