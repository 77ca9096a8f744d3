package io.exactpay.infrastructure.channel.alipay;

import io.exactpay.infrastructure.channel.ChannelProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Everything ExactPay needs to reach Alipay's open platform as one app, from
 * {@code exactpay.channel.alipay.*}. Signing is always RSA2 in public-key mode.
 *
 * @param gatewayUrl https://openapi.alipay.com/gateway.do in production, the sandbox's otherwise
 * @param alipayPublicKeyFile Alipay's public key (not the app's): verifies answers and callbacks
 * @param sellerId the merchant's Alipay partner id (2088...), required: a notice naming another seller is
 *                 refused, so another merchant's genuine notice for our out_trade_no cannot pay our order
 */
public record AlipaySettings(String gatewayUrl, String appId, Path appPrivateKeyFile, Path alipayPublicKeyFile,
                             String sellerId, Duration connectTimeout, Duration readTimeout, int maxCallbackBytes) {

    public static final String PREFIX = "exactpay.channel.alipay.";

    public static AlipaySettings from(Properties properties) {
        ChannelProperties p = new ChannelProperties(properties, PREFIX);
        return new AlipaySettings(
                p.optional("gateway-url", "https://openapi.alipay.com/gateway.do"),
                p.required("app-id"),
                p.path("app-private-key-file"),
                p.path("alipay-public-key-file"),
                p.required("seller-id"),
                p.millis("connect-timeout-ms", 5_000),
                p.millis("read-timeout-ms", 10_000),
                p.integer("max-callback-bytes", 64 * 1024));
    }

    public AlipaySettings withReadTimeout(Duration timeout) {
        return new AlipaySettings(gatewayUrl, appId, appPrivateKeyFile, alipayPublicKeyFile, sellerId,
                connectTimeout, timeout, maxCallbackBytes);
    }
}
