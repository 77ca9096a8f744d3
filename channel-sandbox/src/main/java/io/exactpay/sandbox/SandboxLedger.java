package io.exactpay.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's own record of trades and refunds, per channel, by the merchant's numbers. Kept in
 * memory and, with a data directory, in the journal it is rebuilt from on start.
 */
public final class SandboxLedger {

    private static final int ID_DIGITS = 16;

    private final Map<String, SandboxTrade> trades = new ConcurrentHashMap<>();
    private final Map<String, FaultPlan> faults = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000L);
    private final LedgerJournal journal;

    private SandboxLedger(LedgerJournal journal) {
        this.journal = journal;
    }

    /**
     * The ledger as the journal left it: every trade, refund and callback with its state and ids. The
     * id sequence continues above every replayed id, so no id is handed out twice.
     */
    static SandboxLedger restore(LedgerJournal journal) {
        SandboxLedger ledger = new SandboxLedger(journal);
        for (LedgerRecord change : journal.records()) {
            String key = key(change.channel(), change.outTradeNo());
            if (change.type() == LedgerRecord.Type.CREATED) {
                SandboxTrade trade = new SandboxTrade(change, journal, ledger.faults(change.channel(), change.outTradeNo()));
                if (ledger.trades.putIfAbsent(key, trade) != null) {
                    throw new IllegalStateException("the journal creates a trade twice: " + change.json());
                }
            } else {
                SandboxTrade trade = ledger.trades.get(key);
                if (trade == null) {
                    throw new IllegalStateException("the journal changes a trade it never created: " + change.json());
                }
                trade.replay(change);
            }
            for (String id : new String[] {change.text("transactionId"), change.text("refundId"), change.text("eventId")}) {
                ledger.keepAhead(id);
            }
            change.callback().ifPresent(c -> ledger.keepAhead(c.eventId()));
        }
        return ledger;
    }

    private static String key(SandboxChannel channel, String outTradeNo) {
        return channel.name() + ":" + outTradeNo;
    }

    /**
     * Creates the trade, or returns the existing one with the same number (create is idempotent). A
     * new trade is in the journal before anyone can see it.
     */
    SandboxTrade create(SandboxChannel channel, String outTradeNo, long amount, String currency, String description,
                        String notifyUrl, Instant now) {
        return trades.computeIfAbsent(key(channel, outTradeNo), k -> {
            LedgerRecord created = LedgerRecord.created(channel, outTradeNo,
                    newId(channel == SandboxChannel.WECHATPAY ? "4200" : "2026"), amount, currency, description,
                    notifyUrl, now);
            journal.append(created);
            return new SandboxTrade(created, journal, faults(channel, outTradeNo));
        });
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

    /** Every trade, by channel and then by the merchant's number. */
    public List<SandboxTrade> allTrades() {
        List<SandboxTrade> all = new ArrayList<>(trades.values());
        all.sort(Comparator.comparing(SandboxTrade::channel).thenComparing(SandboxTrade::outTradeNo));
        return all;
    }

    public Optional<SandboxTrade> findByRefund(SandboxChannel channel, String outRefundNo) {
        return trades(channel).stream().filter(t -> t.refund(outRefundNo).isPresent()).findFirst();
    }

    String newId(String prefix) {
        return prefix + String.format("%0" + ID_DIGITS + "d", sequence.incrementAndGet());
    }

    /** Ids end in the sequence number; the sequence starts anew from the clock, so it must skip past them. */
    private void keepAhead(String id) {
        if (id == null || id.length() < ID_DIGITS) {
            return;
        }
        try {
            long used = Long.parseLong(id.substring(id.length() - ID_DIGITS));
            sequence.accumulateAndGet(used, Math::max);
        } catch (NumberFormatException notOurs) {
            // not an id this ledger handed out
        }
    }
}
