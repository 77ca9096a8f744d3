package io.exactpay.domain.model.payment;

import io.exactpay.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One channel trade for an order, under our own unique out_trade_no.
 *
 * <p>Lifecycle: recorded OPENING before the channel is called (so a crash or a timeout leaves a
 * trace the janitor can query by out_trade_no), then OPEN with what the payer scans, or REJECTED
 * with the channel's reason. Opening is idempotent at the channel by out_trade_no. An open attempt
 * ends CAPTURED when its capture is recorded (whatever we believed before: the channel's money is
 * the truth) or CLOSED when the channel confirms it can no longer be paid.
 */
@NamedQuery(name = "PaymentAttempt.forOrder",
        query = "select a from PaymentAttempt a where a.orderId = :order order by a.createdAt")
@NamedQuery(name = "PaymentAttempt.byTrade",
        query = "select a from PaymentAttempt a where a.channel = :channel and a.outTradeNo = :outTradeNo")
@NamedQuery(name = "PaymentAttempt.notCheckedSince",
        query = "select a.id from PaymentAttempt a where a.status in :states"
        + " and ((a.checkedAt is null and a.updatedAt < :since) or a.checkedAt < :since) order by a.updatedAt")
@NamedQuery(name = "PaymentAttempt.countIn",
        query = "select count(a) from PaymentAttempt a where a.status in :states")
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt {

    /** Attempts still OPENING this long after they were written down never reached the channel. */
    private static final Duration OPENING_ABANDONED = Duration.ofMinutes(1);

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "out_trade_no", nullable = false, updatable = false)
    private String outTradeNo;

    @Embedded
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptStatus status;

    @Column(name = "qr_code")
    private String qrCode;

    @Column(name = "channel_error")
    private String channelError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PaymentAttempt() {
        // for JPA
    }

    private PaymentAttempt(UUID orderId, Channel channel, Money amount, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.channel = channel;
        this.outTradeNo = newOutTradeNo(channel, id);
        this.amount = amount;
        this.status = AttemptStatus.OPENING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static PaymentAttempt open(UUID orderId, Channel channel, Money amount, Instant now) {
        return new PaymentAttempt(orderId, channel, amount, now);
    }

    /** 32 characters at most, letters and digits: what both channels accept as out_trade_no. */
    private static String newOutTradeNo(Channel channel, UUID id) {
        String prefix = channel == Channel.WECHAT_PAY ? "W" : "A";
        return prefix + HexFormat.of().toHexDigits(id.getMostSignificantBits())
                + HexFormat.of().toHexDigits(id.getLeastSignificantBits()).substring(0, 15);
    }

    /** The channel accepted the trade; idempotent when it answers the same again. */
    public void opened(String qrCodeContent, Instant now) {
        if (status == AttemptStatus.REJECTED || status == AttemptStatus.CAPTURED) {
            throw new IllegalStateException("attempt " + outTradeNo + " is " + status);
        }
        // A close that found no trade may have overtaken the create call: the trade exists after all.
        this.status = AttemptStatus.OPEN;
        this.qrCode = qrCodeContent;
        this.updatedAt = now;
    }

    public void rejected(String reason, Instant now) {
        if (status == AttemptStatus.OPEN) {
            throw new IllegalStateException("attempt " + outTradeNo + " is already open at the channel");
        }
        this.status = AttemptStatus.REJECTED;
        this.channelError = reason.length() > 200 ? reason.substring(0, 200) : reason;
        this.updatedAt = now;
    }

    /** The channel confirmed the trade cannot be paid (closed, or never created). */
    public void closed(Instant now) {
        if (status == AttemptStatus.CAPTURED) {
            throw new IllegalStateException("attempt " + outTradeNo + " was paid; it cannot be closed");
        }
        if (status.isOpen()) {
            this.status = AttemptStatus.CLOSED;
            this.updatedAt = now;
        }
    }

    /**
     * What a query of the channel said decides whether this open trade closes: one the channel
     * closed or failed can no longer be paid; one the channel does not know, a minute after it was
     * written down, never reached it. True when this call closed it.
     */
    public boolean closeOnQuery(boolean closedOrFailedAtChannel, boolean unknownToChannel, Instant now) {
        if (!status.isOpen()) return false;
        boolean neverReachedChannel = unknownToChannel && createdAt.isBefore(now.minus(OPENING_ABANDONED));
        if (!closedOrFailedAtChannel && !neverReachedChannel) return false;
        closed(now);
        return true;
    }

    /** The payer paid this trade; recorded with its capture. */
    public void captured(Instant now) {
        this.status = AttemptStatus.CAPTURED;
        this.updatedAt = now;
    }

    /** The janitor asked the channel about this attempt. */
    public void checked(Instant now) {
        this.checkedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public Channel channel() {
        return channel;
    }

    public String outTradeNo() {
        return outTradeNo;
    }

    public Money amount() {
        return amount;
    }

    public AttemptStatus status() {
        return status;
    }

    public String qrCode() {
        return qrCode;
    }

    public String channelError() {
        return channelError;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
