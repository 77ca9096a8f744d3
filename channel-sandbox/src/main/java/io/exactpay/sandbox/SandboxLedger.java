package io.exactpay.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's own record of trades and refunds, per channel, by the merchant's numbers. */
public final class SandboxLedger {

    private final Map<String, SandboxTrade> trades = new ConcurrentHashMap<>();
    private final Map<String, FaultPlan> faults = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000L);

    private static String key(SandboxChannel channel, String outTradeNo) {
        return channel.name() + ":" + outTradeNo;
    }

    /** Creates the trade, or returns the existing one with the same number (create is idempotent). */
    SandboxTrade create(SandboxChannel channel, String outTradeNo, long amount, String currency, String description,
                        String notifyUrl, Instant now) {
        return trades.computeIfAbsent(key(channel, outTradeNo), k -> new SandboxTrade(channel, outTradeNo,
                newId(channel == SandboxChannel.WECHATPAY ? "4200" : "2026"), amount, currency, description,
                notifyUrl, now, faults(channel, outTradeNo)));
    }

    /** The fault plan of a trade number, created empty on first use so faults can be set in advance. */
    FaultPlan faults(SandboxChannel channel, String outTradeNo) {
        return faults.computeIfAbsent(key(channel, outTradeNo), k -> new FaultPlan());
    }

    public Optional<SandboxTrade> find(SandboxChannel channel, String outTradeNo) {
        return Optional.ofNullable(trades.get(key(channel, outTradeNo)));
    }

    public List<SandboxTrade> trades(SandboxChannel channel) {
        return trades.values().stream().filter(t -> t.channel() == channel).toList();
    }

    public Optional<SandboxTrade> findByRefund(SandboxChannel channel, String outRefundNo) {
        return trades(channel).stream().filter(t -> t.refund(outRefundNo).isPresent()).findFirst();
    }

    String newId(String prefix) {
        return prefix + String.format("%016d", sequence.incrementAndGet());
    }
}
