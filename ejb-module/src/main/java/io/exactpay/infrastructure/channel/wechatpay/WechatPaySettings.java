package io.exactpay.infrastructure.channel.wechatpay;

import io.exactpay.infrastructure.channel.ChannelProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Everything ExactPay needs to reach WeChat Pay v3 as one merchant, from
 * {@code exactpay.channel.wechatpay.*}. Verification uses WeChat Pay's platform public key and its
 * key id (no platform certificate download).
 *
 * @param baseUrl https://api.mch.weixin.qq.com in production, the sandbox's URL otherwise
 * @param apiV3Key the 32-character APIv3 key: decrypts callbacks
 * @param maxCallbackBytes callbacks larger than this are refused unread
 */
public record WechatPaySettings(String baseUrl, String mchid, String appid, String merchantSerial,
                                Path merchantPrivateKeyFile, Path platformPublicKeyFile, String platformPublicKeyId,
                                String apiV3Key, Duration connectTimeout, Duration readTimeout,
                                int maxCallbackBytes) {

    public static final String PREFIX = "exactpay.channel.wechatpay.";

    public static WechatPaySettings from(Properties properties) {
        ChannelProperties p = new ChannelProperties(properties, PREFIX);
        return new WechatPaySettings(
                p.optional("base-url", "https://api.mch.weixin.qq.com"),
                p.required("mchid"),
                p.required("appid"),
                p.required("merchant-serial"),
                p.path("merchant-private-key-file"),
                p.path("platform-public-key-file"),
                p.required("platform-public-key-id"),
                p.required("api-v3-key"),
                p.millis("connect-timeout-ms", 5_000),
                p.millis("read-timeout-ms", 10_000),
                p.integer("max-callback-bytes", 64 * 1024));
    }

    public WechatPaySettings withReadTimeout(Duration timeout) {
        return new WechatPaySettings(baseUrl, mchid, appid, merchantSerial, merchantPrivateKeyFile,
                platformPublicKeyFile, platformPublicKeyId, apiV3Key, connectTimeout, timeout, maxCallbackBytes);
    }

    /** Leaves the APIv3 key out of logs. */
    @Override
    public String toString() {
        return "WechatPaySettings[baseUrl=" + baseUrl + ", mchid=" + mchid + ", appid=" + appid
                + ", merchantSerial=" + merchantSerial + ", platformPublicKeyId=" + platformPublicKeyId + "]";
    }
}
