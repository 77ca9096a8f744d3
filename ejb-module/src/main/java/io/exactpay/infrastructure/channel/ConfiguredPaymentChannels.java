package io.exactpay.infrastructure.channel;

import io.exactpay.application.channel.CallbackVerifier;
import io.exactpay.application.channel.NonceRegistry;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.infrastructure.channel.alipay.AlipayCallbackVerifier;
import io.exactpay.infrastructure.channel.alipay.AlipayChannel;
import io.exactpay.infrastructure.channel.alipay.AlipaySettings;
import io.exactpay.infrastructure.channel.wechatpay.WechatPayCallbackVerifier;
import io.exactpay.infrastructure.channel.wechatpay.WechatPayChannel;
import io.exactpay.infrastructure.channel.wechatpay.WechatPaySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The channels this instance is configured for, built once from {@code exactpay.channel.*}
 * (MicroProfile Config). A channel without its settings is absent, never half-configured.
 */
@ApplicationScoped
public class ConfiguredPaymentChannels implements PaymentChannels {

    private static final Logger LOG = Logger.getLogger(ConfiguredPaymentChannels.class.getName());
    private static final String PREFIX = "exactpay.channel.";

    private final Map<Channel, PaymentChannel> channels = new EnumMap<>(Channel.class);
    private final Map<Channel, CallbackVerifier> verifiers = new EnumMap<>(Channel.class);

    @Inject
    private NonceRegistry nonces;

    @Inject
    private AttemptLookup attempts;

    @Inject
    private Clock clock;

    @PostConstruct
    void configure() {
        Properties properties = channelProperties(ConfigProvider.getConfig());
        if (hasAny(properties, WechatPaySettings.PREFIX)) {
            WechatPaySettings settings = WechatPaySettings.from(properties);
            channels.put(Channel.WECHAT_PAY, new WechatPayChannel(settings));
            verifiers.put(Channel.WECHAT_PAY, new WechatPayCallbackVerifier(settings, nonces, attempts, clock));
        }
        if (hasAny(properties, AlipaySettings.PREFIX)) {
            AlipaySettings settings = AlipaySettings.from(properties);
            channels.put(Channel.ALIPAY, new AlipayChannel(settings));
            verifiers.put(Channel.ALIPAY, new AlipayCallbackVerifier(settings, attempts));
        }
        LOG.info(() -> "Payment channels configured: " + channels.keySet());
    }

    @Override
    public Optional<PaymentChannel> get(Channel channel) {
        return Optional.ofNullable(channels.get(channel));
    }

    @Override
    public Optional<CallbackVerifier> verifier(Channel channel) {
        return Optional.ofNullable(verifiers.get(channel));
    }

    @Override
    public Collection<PaymentChannel> all() {
        return channels.values();
    }

    private static Properties channelProperties(Config config) {
        Properties properties = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.setProperty(name, value));
            }
        }
        return properties;
    }

    private static boolean hasAny(Properties properties, String prefix) {
        return properties.stringPropertyNames().stream().anyMatch(name -> name.startsWith(prefix));
    }
}
