package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.payment.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A verified callback taken in; its unique key (channel, transaction, event) makes a replay harmless. */
@Entity
@Table(name = "callback_inbox")
public class CallbackInboxEntry {

    public static final String PAYMENT_CAPTURED = "PAYMENT_CAPTURED";
    public static final String REFUND_SETTLED = "REFUND_SETTLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "channel_txn_id", nullable = false, updatable = false)
    private String channelTxnId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "out_trade_no", nullable = false, updatable = false)
    private String outTradeNo;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected CallbackInboxEntry() {
        // for JPA
    }

    public CallbackInboxEntry(Channel channel, String channelTxnId, String eventType, String outTradeNo,
                              long amountMinor, String currency, Instant receivedAt) {
        this.channel = channel;
        this.channelTxnId = channelTxnId;
        this.eventType = eventType;
        this.outTradeNo = outTradeNo;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.receivedAt = receivedAt;
    }
}
