package io.exactpay.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trade in the sandbox's ledger: created by the merchant, paid by the payer, closed by the
 * merchant, refunded; with the callbacks the channel owes about it. Every change is first written
 * to the journal as a {@link LedgerRecord} and then applied from that record, the same way a
 * restart replays it. Every method is synchronized: the payer, the API and the callback sender
 * touch a trade from different threads, and the lock keeps the journal's order of a trade's
 * records the order of its changes.
 */
public final class SandboxTrade {

    public enum State { NOTPAY, SUCCESS, CLOSED, REFUND }

    private final SandboxChannel channel;
    private final String outTradeNo;
    private final String transactionId;
    private long amount;
    private String currency;
    private final String description;
    private final String notifyUrl;
    private final Instant createdAt;
    private final Map<String, SandboxRefund> refunds = new LinkedHashMap<>();
    private final Map<String, SandboxCallback> callbacks = new LinkedHashMap<>();
    private final LedgerJournal journal;
    private final FaultPlan faults;
    private final List<Runnable> heldCallbacks = new ArrayList<>();
    private State state = State.NOTPAY;
    private Instant paidAt;

    /** The trade a {@link LedgerRecord.Type#CREATED} record describes. */
    SandboxTrade(LedgerRecord created, LedgerJournal journal, FaultPlan faults) {
        this.channel = created.channel();
        this.outTradeNo = created.outTradeNo();
        this.transactionId = created.text("transactionId");
        this.amount = created.number("amount");
        this.currency = created.text("currency");
        this.description = created.text("description");
        this.notifyUrl = created.text("notifyUrl");
        this.createdAt = created.instant("at");
        this.journal = journal;
        this.faults = faults;
    }

    /**
     * The payer pays; {@code callback} is the payment callback that comes with it (null when it has
     * nowhere to go). False when the trade can no longer be paid (closed or already paid).
     */
    synchronized boolean pay(Instant at, SandboxCallback callback) {
        if (state != State.NOTPAY) {
            return false;
        }
        record(LedgerRecord.paid(this, at, callback));
        return true;
    }

    /**
     * The payer's payment will capture another amount or currency than the merchant asked for (the
     * sandbox's switch for a channel that captures what the merchant did not expect). Only before
     * it is paid; false otherwise.
     */
    synchronized boolean reprice(long newAmount, String newCurrency) {
        if (state != State.NOTPAY || newAmount <= 0) {
            return false;
        }
        record(LedgerRecord.repriced(this, newAmount, newCurrency));
        return true;
    }

    /** True when closed now or before; false when it was paid first. */
    synchronized boolean close() {
        if (state == State.NOTPAY) {
            record(LedgerRecord.closed(this));
        }
        return state == State.CLOSED;
    }

    /** What is left to refund: the amount of a paid trade less every refund taken, settled or not. */
    synchronized long refundable() {
        long refunded = refunds.values().stream().mapToLong(SandboxRefund::amount).sum();
        return (state == State.SUCCESS || state == State.REFUND) ? amount - refunded : 0;
    }

    /**
     * The refund with this number: the one taken before, or a new one when the trade is paid and has
     * that much left. Checked and taken under the trade's lock, so concurrent refunds never take more
     * than was paid. Empty when the refund cannot be taken. A new refund carries {@code refundId}.
     */
    synchronized Optional<SandboxRefund> addRefund(String outRefundNo, String refundId, long refundAmount,
                                                   Instant at, String refundNotifyUrl) {
        SandboxRefund existing = refunds.get(outRefundNo);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (refundAmount <= 0 || refundAmount > refundable()) {
            return Optional.empty();
        }
        record(LedgerRecord.refundCreated(this, outRefundNo, refundId, refundAmount, at, refundNotifyUrl));
        return Optional.of(refunds.get(outRefundNo));
    }

    /** The refund's money reaches the payer; {@code callback} is its notice (null when it has nowhere to go). */
    synchronized boolean settleRefund(SandboxRefund refund, Instant at, SandboxCallback callback) {
        if (refund.state() != SandboxRefund.State.PROCESSING) {
            return false;
        }
        record(LedgerRecord.refundSucceeded(this, refund.outRefundNo(), at, callback));
        return true;
    }

    /** The merchant acknowledged one delivery of the callback. */
    synchronized void callbackAcknowledged(SandboxCallback callback) {
        record(LedgerRecord.callbackAcknowledged(this, callback.eventId()));
    }

    /** The channel stops trying to deliver the callback. */
    synchronized void callbackEnded(SandboxCallback callback, DeliveryRecord.Outcome outcome) {
        if (callback.ended() == null) {
            record(LedgerRecord.callbackEnded(this, callback.eventId(), outcome));
        }
    }

    /** Journal first, then apply: a change nobody could read back after a crash never happens. */
    private void record(LedgerRecord change) {
        journal.append(change);
        apply(change);
    }

    /** Applies a change read back from the journal at start. */
    synchronized void replay(LedgerRecord change) {
        apply(change);
    }

    private void apply(LedgerRecord change) {
        switch (change.type()) {
            case PAID -> {
                state = State.SUCCESS;
                paidAt = change.instant("at");
                change.callback().ifPresent(c -> callbacks.put(c.eventId(), c));
            }
            case REPRICED -> {
                amount = change.number("amount");
                currency = change.text("currency");
            }
            case CLOSED -> state = State.CLOSED;
            case REFUND_CREATED -> refunds.put(change.text("outRefundNo"), new SandboxRefund(change.text("outRefundNo"),
                    change.text("refundId"), change.number("amount"), change.instant("at"), change.text("notifyUrl")));
            case REFUND_SUCCEEDED -> {
                known(refunds.get(change.text("outRefundNo")), change).succeed(change.instant("at"));
                state = State.REFUND;
                change.callback().ifPresent(c -> callbacks.put(c.eventId(), c));
            }
            case CALLBACK_ACKNOWLEDGED -> known(callbacks.get(change.text("eventId")), change).acknowledge();
            case CALLBACK_ENDED -> known(callbacks.get(change.text("eventId")), change)
                    .end(DeliveryRecord.Outcome.valueOf(change.text("outcome")));
            case CREATED -> throw new IllegalStateException("trade created twice: " + change.json());
        }
    }

    private static <T> T known(T thing, LedgerRecord change) {
        if (thing == null) {
            throw new IllegalStateException("the journal names a refund or callback it never created: "
                    + change.json());
        }
        return thing;
    }

    synchronized Optional<SandboxRefund> refund(String outRefundNo) {
        return Optional.ofNullable(refunds.get(outRefundNo));
    }

    synchronized List<SandboxRefund> refunds() {
        return List.copyOf(refunds.values());
    }

    /** Every callback owed about this trade, in the order they became owed. */
    synchronized List<SandboxCallback> callbacks() {
        return List.copyOf(callbacks.values());
    }

    /** The amount the payer paid, 0 if never paid. */
    synchronized long captured() {
        return paidAt == null ? 0 : amount;
    }

    /** The sum of the refunds whose money reached the payer. */
    synchronized long refunded() {
        return refunds.values().stream().filter(r -> r.state() == SandboxRefund.State.SUCCESS)
                .mapToLong(SandboxRefund::amount).sum();
    }

    boolean has(Fault fault) {
        return faults.has(fault);
    }

    boolean take(Fault fault) {
        return faults.take(fault);
    }

    int faultRepeat() {
        return faults.repeat();
    }

    long faultDelayMillis() {
        return faults.delayMillis();
    }

    synchronized void hold(Runnable callback) {
        heldCallbacks.add(callback);
    }

    synchronized List<Runnable> releaseHeld() {
        List<Runnable> released = List.copyOf(heldCallbacks);
        heldCallbacks.clear();
        return released;
    }

    public SandboxChannel channel() { return channel; }
    public String outTradeNo() { return outTradeNo; }
    public String transactionId() { return transactionId; }
    public synchronized long amount() { return amount; }
    public synchronized String currency() { return currency; }
    public String description() { return description; }
    public String notifyUrl() { return notifyUrl; }
    public Instant createdAt() { return createdAt; }
    public synchronized State state() { return state; }
    public synchronized Instant paidAt() { return paidAt; }
}
