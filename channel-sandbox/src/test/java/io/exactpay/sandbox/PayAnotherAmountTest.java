package io.exactpay.sandbox;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sandbox's switch for a capture the merchant did not expect: {@code /sandbox/pay} with an
 * amount or currency captures that instead of the trade's, everywhere the channel reports it (the
 * trade, its query, what can be refunded), and after a restart too.
 */
class PayAnotherAmountTest {

    @Test
    @Timeout(60)
    void aTradePaidWithAnotherAmountOrCurrencyIsReportedAsCapturedAndSurvivesARestart(@TempDir Path keys,
                                                                                     @TempDir Path dir) throws Exception {
        SandboxSettings settings = SandboxSettings.defaults(keys).withTimeFactor(0.001).withDataDir(dir);
        try (ChannelSandbox sandbox = ChannelSandbox.start(settings)) {
            MerchantClient merchant = new MerchantClient(sandbox.baseUrl(), sandbox.keys());
            assertEquals(200, merchant.wechatPrepay("W-other", 1000, null));
            merchant.alipayPrecreate("A-other", 1000, null);

            assertEquals(200, merchant.payAs("wechatpay", "W-other", 999, "CNY"));
            assertEquals(200, merchant.payAs("alipay", "A-other", 1000, "USD"));
            assertEquals(409, merchant.payAs("wechatpay", "W-other", 998, "CNY"), "paid already");

            JsonObject wechat = merchant.trade("wechatpay", "W-other");
            assertEquals(999, wechat.get("captured").getAsLong());
            assertEquals(999, merchant.wechatQuery("W-other").getAsJsonObject("amount").get("total").getAsLong());
            assertEquals("USD", merchant.trade("alipay", "A-other").get("currency").getAsString());
            assertEquals("10000", merchant.alipayRefund("A-other", "A-other-R", 1000).get("code").getAsString(),
                    "all of what was captured can be refunded");
        }
        try (ChannelSandbox again = ChannelSandbox.start(settings)) {
            MerchantClient merchant = new MerchantClient(again.baseUrl(), again.keys());
            assertEquals(999, merchant.trade("wechatpay", "W-other").get("captured").getAsLong());
            assertEquals("USD", merchant.trade("alipay", "A-other").get("currency").getAsString());
        }
    }
}
