package io.exactpay.sandbox;

import java.util.Locale;

/**
 * A callback the channel owes the merchant: the payment notice of a paid trade or the notice of a
 * settled refund. Its content is fixed when it is owed (re-sent as is, WeChat Pay's headers freshly
 * signed per attempt); it stays pending until the merchant acknowledges it or the channel stops
 * trying. Guarded by its trade's lock.
 */
public final class SandboxCallback {

    public enum Kind {
        PAYMENT, REFUND;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }

        /** The name the delivery log shows: WeChat Pay's event type, or Alipay's kind of notice. */
        String deliveryName(SandboxChannel channel) {
            if (channel == SandboxChannel.WECHATPAY) {
                return this == PAYMENT ? "TRANSACTION.SUCCESS" : "REFUND.SUCCESS";
            }
            return wireName();
        }
    }

    private final Kind kind;
    private final String eventId;
    private final String outRefundNo;
    private final String url;
    private final String body;
    private int acknowledged;
    private DeliveryRecord.Outcome ended;

    SandboxCallback(Kind kind, String eventId, String outRefundNo, String url, String body) {
        this.kind = kind;
        this.eventId = eventId;
        this.outRefundNo = outRefundNo;
        this.url = url;
        this.body = body;
    }

    void acknowledge() {
        acknowledged++;
    }

    void end(DeliveryRecord.Outcome outcome) {
        ended = outcome;
    }

    /** Still to be delivered: nobody acknowledged it and the channel has not given up. */
    boolean pending() {
        return acknowledged == 0 && ended == null;
    }

    public Kind kind() { return kind; }
    public String eventId() { return eventId; }
    /** The refund a refund callback is about; null for a payment callback. */
    public String outRefundNo() { return outRefundNo; }
    public String url() { return url; }
    /** WeChat Pay: the JSON notification; Alipay: the signed form body. */
    public String body() { return body; }
    /** How many deliveries the merchant acknowledged (more than one with DUPLICATE_CALLBACK). */
    public int acknowledged() { return acknowledged; }
    /** Why the channel stopped trying without an acknowledgement (GAVE_UP, DROPPED), or null. */
    public DeliveryRecord.Outcome ended() { return ended; }
}
