package io.exactpay.sandbox;

import java.time.Duration;
import java.util.List;

/** The channels' published callback retry intervals, before scaling by the time factor. */
public final class RetrySchedule {

    public static final List<Duration> WECHATPAY = List.of(
            Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(3),
            Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(30),
            Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(3), Duration.ofHours(3),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(6));

    public static final List<Duration> ALIPAY = List.of(
            Duration.ofMinutes(4), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));

    private RetrySchedule() {
    }

    public static List<Duration> of(SandboxChannel channel) {
        return channel == SandboxChannel.WECHATPAY ? WECHATPAY : ALIPAY;
    }
}
