package io.exactpay.infrastructure.channel.wechatpay;

import io.exactpay.application.channel.ChannelPaymentState;
import io.exactpay.application.channel.ChannelRefundState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WechatPayStatesTest {

    @ParameterizedTest
    @CsvSource({"SUCCESS,PAID", "REFUND,REFUNDED", "NOTPAY,AWAITING_PAYMENT", "USERPAYING,AWAITING_PAYMENT",
            "CLOSED,CLOSED", "REVOKED,CLOSED", "PAYERROR,FAILED"})
    void tradeStatesMapToOurs(String channelState, ChannelPaymentState ours) {
        assertEquals(ours, WechatPayStates.payment(channelState));
    }

    @ParameterizedTest
    @CsvSource({"SUCCESS,SUCCEEDED", "PROCESSING,PROCESSING", "ABNORMAL,FAILED", "CLOSED,FAILED"})
    void refundStatesMapToOurs(String channelState, ChannelRefundState ours) {
        assertEquals(ours, WechatPayStates.refund(channelState));
    }

    @Test
    void anUnknownStateIsAnErrorNotAGuess() {
        assertThrows(IllegalArgumentException.class, () -> WechatPayStates.payment("SOMETHING_NEW"));
    }
}
