package io.exactpay.infrastructure.channel;

import com.google.gson.JsonObject;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.ChannelPaymentState;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.RefundOrder;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.channel.VerifiedMessage;
import io.exactpay.domain.model.payment.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's callback delivery as ExactPay experiences it: retries on the channels' schedules
 * until acknowledged, and each per-trade fault. Callbacks go through the real verifiers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private ChannelTestBed bed;

    @BeforeAll
    void start(@TempDir Path keys) throws Exception {
        bed = new ChannelTestBed(keys);
    }

    @AfterAll
    void stop() throws Exception {
        bed.close();
    }

    private String openTrade(PaymentChannel channel, String... faults) throws Exception {
        String no = ChannelTestBed.newTradeNo("cb");
        String wire = channel.channel() == Channel.WECHAT_PAY ? "wechatpay" : "alipay";
        if (faults.length > 0) {
            bed.control.faults(wire, no, 300, faults);
        }
        bed.open(channel, no, 100);
        return no;
    }

    private static long countOutcome(List<JsonObject> log, String outcome) {
        return log.stream().filter(d -> d.get("outcome").getAsString().equals(outcome)).count();
    }

    private static Instant at(JsonObject delivery) {
        return Instant.parse(delivery.get("at").getAsString());
    }

    @Test
    void wechatPayRetriesOnItsScheduleUntilAcknowledged() throws Exception {
        bed.endpoint.refuseNext(3);
        String no = openTrade(bed.wechatPay);
        bed.control.pay("wechatpay", no);
        List<JsonObject> log = bed.control.awaitCallbacks("wechatpay", no,
                l -> countOutcome(l, "ACKNOWLEDGED") == 1, WAIT);
        assertEquals(4, log.size(), log.toString());
        assertEquals(3, countOutcome(log, "NOT_ACKNOWLEDGED"));
        // 15 s, 15 s, 30 s scaled by the time factor (allowing for the clock's millisecond grain).
        assertTrue(Duration.between(at(log.get(2)), at(log.get(3))).toMillis() >= 29, log.toString());
        bed.endpoint.awaitAccepted(m -> m.outTradeNo().equals(no), WAIT);
    }

    @Test
    void alipayRetriesOnItsScheduleUntilItReadsSuccess() throws Exception {
        bed.endpoint.refuseNext(1);
        String no = openTrade(bed.alipay);
        bed.control.pay("alipay", no);
        List<JsonObject> log = bed.control.awaitCallbacks("alipay", no,
                l -> countOutcome(l, "ACKNOWLEDGED") == 1, WAIT);
        assertEquals(2, log.size(), log.toString());
        // Alipay's first retry comes after 4 minutes, scaled.
        assertTrue(Duration.between(at(log.get(0)), at(log.get(1))).toMillis() >= 239, log.toString());
    }

    @Test
    void droppedFirstDeliveryIsMadeUpByTheRetry() throws Exception {
        String no = openTrade(bed.wechatPay, "DROP_CALLBACK");
        bed.control.pay("wechatpay", no);
        List<JsonObject> log = bed.control.awaitCallbacks("wechatpay", no,
                l -> countOutcome(l, "ACKNOWLEDGED") == 1, WAIT);
        assertEquals("DROPPED", log.get(0).get("outcome").getAsString());
        bed.endpoint.awaitAccepted(m -> m.outTradeNo().equals(no), WAIT);
    }

    @Test
    void duplicateDeliveryCarriesTheSameTransactionIdSoTheInboxCanDeduplicate() throws Exception {
        String no = openTrade(bed.alipay, "DUPLICATE_CALLBACK");
        bed.control.pay("alipay", no);
        bed.control.awaitCallbacks("alipay", no, l -> countOutcome(l, "ACKNOWLEDGED") == 2, WAIT);
        List<PaymentCaptured> captures = bed.endpoint.accepted().stream()
                .filter(m -> m.outTradeNo().equals(no)).map(PaymentCaptured.class::cast).toList();
        assertEquals(2, captures.size());
        assertEquals(captures.get(0).transactionId(), captures.get(1).transactionId());
    }

    @Test
    void delayedCallbackArrivesNoSoonerThanTheDelay() throws Exception {
        String no = openTrade(bed.wechatPay, "DELAY_CALLBACK");
        Instant paid = Instant.now();
        bed.control.pay("wechatpay", no);
        List<JsonObject> log = bed.control.awaitCallbacks("wechatpay", no,
                l -> countOutcome(l, "ACKNOWLEDGED") == 1, WAIT);
        assertTrue(Duration.between(paid, at(log.get(0))).toMillis() >= 290, log.toString());
    }

    @Test
    void outOfOrderRefundCallbackArrivesBeforeThePaymentCallback() throws Exception {
        String no = openTrade(bed.wechatPay, "OUT_OF_ORDER");
        String refundNo = ChannelTestBed.newTradeNo("rf");
        bed.control.pay("wechatpay", no);
        bed.attempts.recordRefund(Channel.WECHAT_PAY, no, refundNo, ChannelAmount.cny(100));
        bed.wechatPay.refund(new RefundOrder(no, refundNo, ChannelAmount.cny(100), ChannelAmount.cny(100), "x",
                bed.endpoint.url(Channel.WECHAT_PAY)));
        bed.endpoint.awaitAccepted(m -> m instanceof PaymentCaptured && m.outTradeNo().equals(no), WAIT);
        List<VerifiedMessage> mine = bed.endpoint.accepted().stream().filter(m -> m.outTradeNo().equals(no)).toList();
        assertTrue(mine.get(0) instanceof RefundSettled, mine.toString());
        assertTrue(mine.get(1) instanceof PaymentCaptured, mine.toString());
    }

    @Test
    void withEveryCallbackLostOnlyTheQueryRevealsThePayment() throws Exception {
        String no = openTrade(bed.alipay, "DROP_ALL_CALLBACKS");
        bed.control.pay("alipay", no);
        bed.control.awaitCallbacks("alipay", no, l -> countOutcome(l, "DROPPED") == 1, WAIT);
        assertEquals(ChannelPaymentState.PAID, bed.alipay.queryPayment(no).state());
        assertTrue(bed.endpoint.accepted().stream().noneMatch(m -> m.outTradeNo().equals(no)));
    }

    @Test
    void bothChannelsGiveUpAfterTheirPublishedNumberOfRetries(@TempDir Path keys) throws Exception {
        // A faster clock than the other tests: 24 hours of retries in about four seconds.
        try (ChannelTestBed fast = new ChannelTestBed(keys, 0.00005)) {
            fast.endpoint.refuseNext(Integer.MAX_VALUE);
            String wx = ChannelTestBed.newTradeNo("gu");
            String ali = ChannelTestBed.newTradeNo("gu");
            fast.open(fast.wechatPay, wx, 100);
            fast.open(fast.alipay, ali, 100);
            fast.control.pay("wechatpay", wx);
            fast.control.pay("alipay", ali);
            List<JsonObject> wxLog = fast.control.awaitCallbacks("wechatpay", wx,
                    l -> countOutcome(l, "GAVE_UP") == 1, Duration.ofSeconds(30));
            List<JsonObject> aliLog = fast.control.awaitCallbacks("alipay", ali,
                    l -> countOutcome(l, "GAVE_UP") == 1, Duration.ofSeconds(30));
            assertEquals(1 + 15, countOutcome(wxLog, "NOT_ACKNOWLEDGED"), wxLog.toString());
            assertEquals(1 + 7, countOutcome(aliLog, "NOT_ACKNOWLEDGED"), aliLog.toString());
        }
    }
}
