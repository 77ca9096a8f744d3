package io.exactpay.infrastructure.channel.alipay;

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
import io.exactpay.sandbox.SandboxKeys;
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

/** Each Alipay adapter operation against the sandbox over real HTTP, checking what came back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlipayContractTest {

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
        assertEquals(200, bed.control.pay("alipay", outTradeNo));
        return (PaymentCaptured) bed.endpoint.awaitAccepted(
                m -> m instanceof PaymentCaptured c && c.outTradeNo().equals(outTradeNo), WAIT);
    }

    @Test
    void precreateReturnsQrCodeAndOpensAnUnpaidTradeForTheAmount() {
        String no = ChannelTestBed.newTradeNo("ali");
        PaymentInstruction instruction = bed.open(bed.alipay, no, 1999);
        assertTrue(instruction.qrCodeContent().startsWith("https://qr.alipay.com/"), instruction.toString());
        PaymentStatus status = bed.alipay.queryPayment(no);
        assertEquals(ChannelPaymentState.AWAITING_PAYMENT, status.state());
        assertEquals("WAIT_BUYER_PAY", status.channelState());
        assertEquals(ChannelAmount.cny(1999), status.amount());
    }

    @Test
    void paidTradeIsCapturedByCallbackAndQuery() throws Exception {
        String no = ChannelTestBed.newTradeNo("ali");
        bed.open(bed.alipay, no, 1);
        PaymentCaptured captured = payAndAwaitCapture(no);
        assertEquals(Channel.ALIPAY, captured.channel());
        assertEquals(ChannelAmount.cny(1), captured.amount());
        PaymentStatus status = bed.alipay.queryPayment(no);
        assertEquals(ChannelPaymentState.PAID, status.state());
        assertEquals(captured.transactionId(), status.transactionId());
        assertEquals(captured.paidAt(), status.paidAt());
    }

    @Test
    void pooledOkHttpTransportOfTheSdkWorksWithThePinnedOkHttp() {
        AlipayChannel pooled = new AlipayChannel(bed.alipaySettings, true);
        String no = ChannelTestBed.newTradeNo("ali");
        assertTrue(bed.open(pooled, no, 250).qrCodeContent().startsWith("https://qr.alipay.com/"));
        assertEquals(ChannelAmount.cny(250), pooled.queryPayment(no).amount());
    }

    /**
     * The SDK's check that Alipay's public key is not the app's own now runs once, when the channel
     * is built, instead of before every answer: a channel configured that way is refused there.
     */
    @Test
    void alipaysKeyBeingTheAppsOwnIsRefusedWhenTheChannelIsBuilt() {
        AlipaySettings s = bed.alipaySettings;
        AlipaySettings ownKey = new AlipaySettings(s.gatewayUrl(), s.appId(), s.appPrivateKeyFile(),
                s.appPrivateKeyFile().resolveSibling(SandboxKeys.ALIPAY_APP_PUBLIC), s.sellerId(), s.connectTimeout(),
                s.readTimeout(), s.maxCallbackBytes());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new AlipayChannel(ownKey));
        assertTrue(refused.getMessage().contains("app's own public key"), refused.getMessage());
        // The genuine keys pass the same check, and every call after it still verifies the answer's signature.
        AlipayChannel genuine = new AlipayChannel(s);
        String no = ChannelTestBed.newTradeNo("ali");
        assertEquals(no, bed.open(genuine, no, 310).outTradeNo());
        assertEquals(ChannelAmount.cny(310), genuine.queryPayment(no).amount());
    }

    @Test
    void queryOfUnknownTradeIsNotFound() {
        assertEquals(ChannelPaymentState.NOT_FOUND, bed.alipay.queryPayment(ChannelTestBed.newTradeNo("ali")).state());
    }

    @Test
    void closeOfUnpaidTradeClosesItAndThePayerCanNoLongerPay() throws Exception {
        String no = ChannelTestBed.newTradeNo("ali");
        bed.open(bed.alipay, no, 100);
        assertEquals(CloseOutcome.CLOSED, bed.alipay.closePayment(no));
        assertEquals(ChannelPaymentState.CLOSED, bed.alipay.queryPayment(no).state());
        assertEquals(409, bed.control.pay("alipay", no));
    }

    @Test
    void closeThatLosesTheRaceToThePayerIsAlreadyPaidNotAFailure() throws Exception {
        String no = ChannelTestBed.newTradeNo("ali");
        bed.open(bed.alipay, no, 100);
        bed.control.faults("alipay", no, 0, "PAY_AFTER_CLOSE");
        assertEquals(CloseOutcome.ALREADY_PAID, bed.alipay.closePayment(no));
        assertEquals(ChannelPaymentState.PAID, bed.alipay.queryPayment(no).state());
        bed.endpoint.awaitAccepted(m -> m.outTradeNo().equals(no), WAIT);
    }

    @Test
    void closeOfUnknownTradeIsNotFound() {
        assertEquals(CloseOutcome.NOT_FOUND, bed.alipay.closePayment(ChannelTestBed.newTradeNo("ali")));
    }

    @Test
    void refundSucceedsAndIsReportedByQueryAndCallback() throws Exception {
        String no = ChannelTestBed.newTradeNo("ali");
        String refundNo = ChannelTestBed.newTradeNo("rf");
        bed.open(bed.alipay, no, 1000);
        payAndAwaitCapture(no);
        bed.attempts.recordRefund(Channel.ALIPAY, no, refundNo, ChannelAmount.cny(1000));
        RefundStatus refund = bed.alipay.refund(new RefundOrder(no, refundNo, ChannelAmount.cny(1000),
                ChannelAmount.cny(1000), "paid after cancel", null));
        assertEquals(ChannelRefundState.SUCCEEDED, refund.state());
        assertEquals(ChannelAmount.cny(1000), refund.amount());
        assertNotNull(refund.settledAt());
        RefundSettled settled = (RefundSettled) bed.endpoint.awaitAccepted(
                m -> m instanceof RefundSettled r && r.outRefundNo().equals(refundNo), WAIT);
        assertEquals(ChannelAmount.cny(1000), settled.amount());
        assertEquals(ChannelRefundState.SUCCEEDED, bed.alipay.queryRefund(no, refundNo).state());
        assertEquals(ChannelPaymentState.REFUNDED, bed.alipay.queryPayment(no).state());
    }

    @Test
    void refundOfUnpaidTradeIsRejected() {
        String no = ChannelTestBed.newTradeNo("ali");
        bed.open(bed.alipay, no, 100);
        ChannelRejectedException e = assertThrows(ChannelRejectedException.class, () -> bed.alipay.refund(
                new RefundOrder(no, ChannelTestBed.newTradeNo("rf"), ChannelAmount.cny(100), ChannelAmount.cny(100),
                        "x", null)));
        assertEquals("ACQ.TRADE_STATUS_ERROR", e.code());
    }

    @Test
    void queryOfUnknownRefundIsNotFound() {
        String no = ChannelTestBed.newTradeNo("ali");
        bed.open(bed.alipay, no, 100);
        assertEquals(ChannelRefundState.NOT_FOUND, bed.alipay.queryRefund(no, ChannelTestBed.newTradeNo("rf")).state());
    }

    @Test
    void serverErrorIsUnknownOutcomeAndChangesNothing() throws Exception {
        String no = ChannelTestBed.newTradeNo("ali");
        bed.control.faults("alipay", no, 0, "API_5XX");
        ChannelAmount amount = ChannelAmount.cny(300);
        bed.attempts.record(Channel.ALIPAY, no, amount);
        PaymentOrder order = new PaymentOrder(no, "t", amount, bed.endpoint.url(Channel.ALIPAY), null);
        assertThrows(ChannelOutcomeUnknownException.class, () -> bed.alipay.createPayment(order));
        assertEquals(ChannelPaymentState.NOT_FOUND, bed.alipay.queryPayment(no).state());
        assertTrue(bed.alipay.createPayment(order).qrCodeContent().startsWith("https://qr.alipay.com/"));
    }

    @Test
    void timeoutIsUnknownOutcomeEvenThoughTheRefundTookEffect() throws Exception {
        String no = ChannelTestBed.newTradeNo("ali");
        String refundNo = ChannelTestBed.newTradeNo("rf");
        bed.open(bed.alipay, no, 400);
        payAndAwaitCapture(no);
        bed.control.faults("alipay", no, 0, "API_TIMEOUT");
        assertThrows(ChannelOutcomeUnknownException.class, () -> bed.alipay.refund(new RefundOrder(no, refundNo,
                ChannelAmount.cny(400), ChannelAmount.cny(400), "x", null)));
        assertEquals(ChannelRefundState.SUCCEEDED, bed.alipay.queryRefund(no, refundNo).state());
    }

    @Test
    void statementListsTheDaysPaymentsAndRefunds() throws Exception {
        String no = ChannelTestBed.newTradeNo("ali");
        String refundNo = ChannelTestBed.newTradeNo("rf");
        bed.open(bed.alipay, no, 888);
        payAndAwaitCapture(no);
        bed.alipay.refund(new RefundOrder(no, refundNo, ChannelAmount.cny(88), ChannelAmount.cny(888), "partial",
                null));
        Statement statement = bed.alipay.downloadStatement(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        List<StatementLine> mine = statement.lines().stream().filter(l -> l.outTradeNo().equals(no)).toList();
        assertEquals(2, mine.size(), statement.toString());
        StatementLine payment = mine.stream().filter(l -> l.kind() == StatementLine.Kind.PAYMENT).findFirst()
                .orElseThrow();
        StatementLine refund = mine.stream().filter(l -> l.kind() == StatementLine.Kind.REFUND).findFirst()
                .orElseThrow();
        assertEquals(ChannelAmount.cny(888), payment.amount());
        assertEquals(ChannelAmount.cny(88), refund.amount());
        assertEquals(refundNo, refund.outRefundNo());
    }
}
