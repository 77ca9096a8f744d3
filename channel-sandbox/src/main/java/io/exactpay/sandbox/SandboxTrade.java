package io.exactpay.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trade in the sandbox's ledger: created by the merchant, paid by the payer, closed by the
 * merchant, refunded. Every method is synchronized: the payer, the API and the callback sender
 * touch a trade from different threads.
 */
public final class SandboxTrade {

    public enum State { NOTPAY, SUCCESS, CLOSED, REFUND }

    private final SandboxChannel channel;
    private final String outTradeNo;
    private final String transactionId;
    private final long amount;
    private final String currency;
    private final String description;
    private final String notifyUrl;
    private final Instant createdAt;
    private final Map<String, SandboxRefund> refunds = new LinkedHashMap<>();
    private final FaultPlan faults;
    private final List<Runnable> heldCallbacks = new ArrayList<>();
    private State state = State.NOTPAY;
    private Instant paidAt;

    SandboxTrade(SandboxChannel channel, String outTradeNo, String transactionId, long amount, String currency,
                 String description, String notifyUrl, Instant createdAt, FaultPlan faults) {
        this.channel = channel;
        this.outTradeNo = outTradeNo;
        this.transactionId = transactionId;
        this.amount = amount;
        this.currency = currency;
        this.description = description;
        this.notifyUrl = notifyUrl;
        this.createdAt = createdAt;
        this.faults = faults;
    }

    /** The payer pays. False when the trade can no longer be paid (closed or already paid). */
    synchronized boolean pay(Instant at) {
        if (state != State.NOTPAY) {
            return false;
        }
        state = State.SUCCESS;
        paidAt = at;
        return true;
    }

    /** True when closed now or before; false when it was paid first. */
    synchronized boolean close() {
        if (state == State.NOTPAY) {
            state = State.CLOSED;
        }
        return state == State.CLOSED;
    }

    synchronized long refundable() {
        long refunded = refunds.values().stream().mapToLong(SandboxRefund::amount).sum();
        return (state == State.SUCCESS || state == State.REFUND) ? amount - refunded : 0;
    }

    synchronized SandboxRefund addRefund(String outRefundNo, String refundId, long refundAmount, Instant at,
                                         String refundNotifyUrl) {
        SandboxRefund existing = refunds.get(outRefundNo);
        if (existing != null) {
            return existing;
        }
        SandboxRefund refund = new SandboxRefund(outRefundNo, refundId, refundAmount, at, refundNotifyUrl);
        refunds.put(outRefundNo, refund);
        return refund;
    }

    synchronized void settleRefund(SandboxRefund refund, Instant at) {
        refund.succeed(at);
        state = State.REFUND;
    }

    synchronized Optional<SandboxRefund> refund(String outRefundNo) {
        return Optional.ofNullable(refunds.get(outRefundNo));
    }

    synchronized List<SandboxRefund> refunds() {
        return List.copyOf(refunds.values());
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
    public long amount() { return amount; }
    public String currency() { return currency; }
    public String description() { return description; }
    public String notifyUrl() { return notifyUrl; }
    public Instant createdAt() { return createdAt; }
    public synchronized State state() { return state; }
    public synchronized Instant paidAt() { return paidAt; }
}
