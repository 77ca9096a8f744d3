package io.exactpay.infrastructure.channel.wechatpay;

import com.google.gson.JsonObject;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.ChannelOutcomeUnknownException;
import io.exactpay.application.channel.ChannelPaymentState;
import io.exactpay.application.channel.ChannelRefundState;
import io.exactpay.application.channel.ChannelRejectedException;
import io.exactpay.application.channel.CloseOutcome;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.PaymentInstruction;
import io.exactpay.application.channel.PaymentOrder;
import io.exactpay.application.channel.PaymentStatus;
import io.exactpay.application.channel.RefundOrder;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.application.channel.RefundStatus;
import io.exactpay.application.channel.Statement;
import io.exactpay.application.channel.StatementLine;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.infrastructure.channel.ChannelTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each WeChat Pay adapter operation against the sandbox over real HTTP, checking what came back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WechatPayContractTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ChannelTestBed bed;

    @BeforeAll
    void start(@TempDir Path keys) throws Exception {
        bed = new ChannelTestBed(keys);
    }

    @AfterAll
    void stop() throws Exception {
        bed.close();
    }

    private PaymentCaptured payAndAwaitCapture(String outTradeNo) throws Exception {
        assertEquals(200, bed.control.pay("wechatpay", outTradeNo));
        return (PaymentCaptured) bed.endpoint.awaitAccepted(
                m -> m instanceof PaymentCaptured c && c.outTradeNo().equals(outTradeNo), WAIT);
    }

    @Test
    void createPaymentReturnsCodeUrlAndOpensAnUnpaidTradeForTheAmount() {
        String no = ChannelTestBed.newTradeNo("wx");
        PaymentInstruction instruction = bed.open(bed.wechatPay, no, 1234);
        assertTrue(instruction.qrCodeContent().startsWith("weixin://wxpay/bizpayurl?pr="), instruction.toString());
        PaymentStatus status = bed.wechatPay.queryPayment(no);
        assertEquals(ChannelPaymentState.AWAITING_PAYMENT, status.state());
        assertEquals("NOTPAY", status.channelState());
        assertEquals(ChannelAmount.cny(1234), status.amount());
    }

    @Test
    void paidTradeIsCapturedByCallbackAndQuery() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        bed.open(bed.wechatPay, no, 501);
        PaymentCaptured captured = payAndAwaitCapture(no);
        assertEquals(Channel.WECHAT_PAY, captured.channel());
        assertEquals(ChannelAmount.cny(501), captured.amount());
        PaymentStatus status = bed.wechatPay.queryPayment(no);
        assertEquals(ChannelPaymentState.PAID, status.state());
        assertEquals(captured.transactionId(), status.transactionId());
        assertEquals(captured.paidAt(), status.paidAt());
    }

    @Test
    void queryOfUnknownTradeIsNotFound() {
        assertEquals(ChannelPaymentState.NOT_FOUND,
                bed.wechatPay.queryPayment(ChannelTestBed.newTradeNo("wx")).state());
    }

    @Test
    void closeOfUnpaidTradeClosesItAndThePayerCanNoLongerPay() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        bed.open(bed.wechatPay, no, 100);
        assertEquals(CloseOutcome.CLOSED, bed.wechatPay.closePayment(no));
        assertEquals(ChannelPaymentState.CLOSED, bed.wechatPay.queryPayment(no).state());
        assertEquals(409, bed.control.pay("wechatpay", no));
    }

    @Test
    void closeThatLosesTheRaceToThePayerIsAlreadyPaidNotAFailure() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        bed.open(bed.wechatPay, no, 100);
        bed.control.faults("wechatpay", no, 0, "PAY_AFTER_CLOSE");
        assertEquals(CloseOutcome.ALREADY_PAID, bed.wechatPay.closePayment(no));
        assertEquals(ChannelPaymentState.PAID, bed.wechatPay.queryPayment(no).state());
        bed.endpoint.awaitAccepted(m -> m.outTradeNo().equals(no), WAIT);
    }

    @Test
    void closeOfUnknownTradeIsNotFound() {
        assertEquals(CloseOutcome.NOT_FOUND, bed.wechatPay.closePayment(ChannelTestBed.newTradeNo("wx")));
    }

    @Test
    void refundSettlesAndIsReportedByQueryAndCallback() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        String refundNo = ChannelTestBed.newTradeNo("rf");
        bed.open(bed.wechatPay, no, 900);
        payAndAwaitCapture(no);
        bed.attempts.recordRefund(Channel.WECHAT_PAY, no, refundNo, ChannelAmount.cny(300));
        RefundStatus started = bed.wechatPay.refund(new RefundOrder(no, refundNo, ChannelAmount.cny(300),
                ChannelAmount.cny(900), "duplicate payment", bed.endpoint.url(Channel.WECHAT_PAY)));
        assertEquals(refundNo, started.outRefundNo());
        assertEquals(ChannelAmount.cny(300), started.amount());
        assertNotNull(started.channelRefundId());
        RefundSettled settled = (RefundSettled) bed.endpoint.awaitAccepted(
                m -> m instanceof RefundSettled r && r.outRefundNo().equals(refundNo), WAIT);
        assertEquals(ChannelAmount.cny(300), settled.amount());
        RefundStatus queried = bed.wechatPay.queryRefund(no, refundNo);
        assertEquals(ChannelRefundState.SUCCEEDED, queried.state());
        assertEquals(started.channelRefundId(), queried.channelRefundId());
        assertEquals(ChannelPaymentState.REFUNDED, bed.wechatPay.queryPayment(no).state());
    }

    @Test
    void refundSentTwiceWithTheSameNumberRefundsOnce() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        String refundNo = ChannelTestBed.newTradeNo("rf");
        bed.open(bed.wechatPay, no, 900);
        payAndAwaitCapture(no);
        RefundOrder order = new RefundOrder(no, refundNo, ChannelAmount.cny(900), ChannelAmount.cny(900), "cancel",
                null);
        RefundStatus first = bed.wechatPay.refund(order);
        RefundStatus second = bed.wechatPay.refund(order);
        assertEquals(first.channelRefundId(), second.channelRefundId());
        JsonObject trade = bed.control.trade("wechatpay", no);
        assertEquals(1, trade.getAsJsonArray("refunds").size());
    }

    @Test
    void refundBeyondWhatWasPaidIsRejected() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        bed.open(bed.wechatPay, no, 100);
        payAndAwaitCapture(no);
        bed.wechatPay.refund(new RefundOrder(no, ChannelTestBed.newTradeNo("rf"), ChannelAmount.cny(80),
                ChannelAmount.cny(100), "partial", null));
        ChannelRejectedException e = assertThrows(ChannelRejectedException.class, () -> bed.wechatPay.refund(
                new RefundOrder(no, ChannelTestBed.newTradeNo("rf"), ChannelAmount.cny(30), ChannelAmount.cny(100),
                        "too much", null)));
        assertEquals("NOT_ENOUGH", e.code());
    }

    @Test
    void queryOfUnknownRefundIsNotFound() {
        assertEquals(ChannelRefundState.NOT_FOUND,
                bed.wechatPay.queryRefund("none", ChannelTestBed.newTradeNo("rf")).state());
    }

    @Test
    void serverErrorIsUnknownOutcomeAndChangesNothing() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        bed.control.faults("wechatpay", no, 0, "API_5XX");
        ChannelAmount amount = ChannelAmount.cny(200);
        bed.attempts.record(Channel.WECHAT_PAY, no, amount);
        PaymentOrder order = new PaymentOrder(no, "t", amount, bed.endpoint.url(Channel.WECHAT_PAY), null);
        assertThrows(ChannelOutcomeUnknownException.class, () -> bed.wechatPay.createPayment(order));
        assertEquals(ChannelPaymentState.NOT_FOUND, bed.wechatPay.queryPayment(no).state());
        assertTrue(bed.wechatPay.createPayment(order).qrCodeContent().startsWith("weixin://"));
    }

    @Test
    void timeoutIsUnknownOutcomeEvenThoughTheCloseTookEffect() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        bed.open(bed.wechatPay, no, 100);
        bed.control.faults("wechatpay", no, 0, "API_TIMEOUT");
        assertThrows(ChannelOutcomeUnknownException.class, () -> bed.wechatPay.closePayment(no));
        assertEquals(ChannelPaymentState.CLOSED, bed.wechatPay.queryPayment(no).state());
    }

    @Test
    void statementListsTheDaysPaymentsAndRefunds() throws Exception {
        String no = ChannelTestBed.newTradeNo("wx");
        String refundNo = ChannelTestBed.newTradeNo("rf");
        bed.open(bed.wechatPay, no, 777);
        payAndAwaitCapture(no);
        bed.attempts.recordRefund(Channel.WECHAT_PAY, no, refundNo, ChannelAmount.cny(77));
        bed.wechatPay.refund(new RefundOrder(no, refundNo, ChannelAmount.cny(77), ChannelAmount.cny(777), "partial",
                bed.endpoint.url(Channel.WECHAT_PAY)));
        bed.endpoint.awaitAccepted(m -> m instanceof RefundSettled r && r.outRefundNo().equals(refundNo), WAIT);
        Statement statement = bed.wechatPay.downloadStatement(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        List<StatementLine> mine = statement.lines().stream().filter(l -> l.outTradeNo().equals(no)).toList();
        assertEquals(2, mine.size(), statement.toString());
        StatementLine payment = mine.stream().filter(l -> l.kind() == StatementLine.Kind.PAYMENT).findFirst()
                .orElseThrow();
        StatementLine refund = mine.stream().filter(l -> l.kind() == StatementLine.Kind.REFUND).findFirst()
                .orElseThrow();
        assertEquals(ChannelAmount.cny(777), payment.amount());
        assertEquals(ChannelAmount.cny(77), refund.amount());
        assertEquals(refundNo, refund.outRefundNo());
        assertEquals(bed.wechatPay.queryPayment(no).transactionId(), payment.transactionId());
    }
}
