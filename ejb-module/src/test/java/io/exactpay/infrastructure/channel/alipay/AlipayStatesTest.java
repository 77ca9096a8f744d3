package io.exactpay.infrastructure.channel.alipay;

import io.exactpay.application.channel.ChannelPaymentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AlipayStatesTest {

    @ParameterizedTest
    @CsvSource({"WAIT_BUYER_PAY,false,AWAITING_PAYMENT", "TRADE_SUCCESS,true,PAID", "TRADE_FINISHED,true,PAID",
            "TRADE_CLOSED,false,CLOSED", "TRADE_CLOSED,true,REFUNDED"})
    void tradeStatesMapToOurs(String status, boolean everPaid, ChannelPaymentState ours) {
        assertEquals(ours, AlipayStates.payment(status, everPaid));
    }

    @ParameterizedTest
    @CsvSource({"0.01,1", "1,100", "1.00,100", "123456.78,12345678", "0.10,10"})
    void yuanTextBecomesExactFen(String yuan, long fen) {
        assertEquals(fen, AlipayStates.fen(yuan));
    }

    @Test
    void aFractionOfAFenIsRefusedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> AlipayStates.fen("0.015"));
    }

    /** Only Alipay's own way of writing yuan: no exponent, sign, grouping or astronomical length. */
    @ParameterizedTest
    @CsvSource({"1e2", "-1.00", "+1.00", "'1,000.00'", "0x10", "1.", ".5", "1000000000000000000000"})
    void anythingButPlainYuanIsRefused(String yuan) {
        assertThrows(IllegalArgumentException.class, () -> AlipayStates.fen(yuan));
    }

    @Test
    void fenBecomesTwoDecimalYuan() {
        assertEquals("0.01", AlipayStates.yuan(1));
        assertEquals("1234.50", AlipayStates.yuan(123450));
    }
}
