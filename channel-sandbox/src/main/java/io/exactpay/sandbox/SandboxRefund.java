package io.exactpay.sandbox;

import java.time.Instant;

/** One refund in the sandbox's ledger. Guarded by its trade's lock. */
public final class SandboxRefund {

    public enum State { PROCESSING, SUCCESS }

    private final String outRefundNo;
    private final String refundId;
    private final long amount;
    private final Instant createdAt;
    private final String notifyUrl;
    private State state = State.PROCESSING;
    private Instant succeededAt;

    SandboxRefund(String outRefundNo, String refundId, long amount, Instant createdAt, String notifyUrl) {
        this.outRefundNo = outRefundNo;
        this.refundId = refundId;
        this.amount = amount;
        this.createdAt = createdAt;
        this.notifyUrl = notifyUrl;
    }

    void succeed(Instant at) {
        state = State.SUCCESS;
        succeededAt = at;
    }

    public String outRefundNo() { return outRefundNo; }
    public String refundId() { return refundId; }
    public long amount() { return amount; }
    public Instant createdAt() { return createdAt; }
    public String notifyUrl() { return notifyUrl; }
    public State state() { return state; }
    public Instant succeededAt() { return succeededAt; }
}
