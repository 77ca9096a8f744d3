package io.exactpay.infrastructure.channel.alipay;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlipaySettingsTest {

    @Test
    void anAlipayAppWithoutItsSellerIdIsNotConfigured() {
        Properties properties = app();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AlipaySettings.from(properties));

        assertTrue(refused.getMessage().contains("exactpay.channel.alipay.seller-id"), refused.getMessage());
    }

    @Test
    void theSellerIdIsKept() {
        Properties properties = app();
        properties.setProperty("exactpay.channel.alipay.seller-id", "2088123412341234");

        assertEquals("2088123412341234", AlipaySettings.from(properties).sellerId());
    }

    private static Properties app() {
        Properties p = new Properties();
        p.setProperty("exactpay.channel.alipay.app-id", "2021000000000001");
        p.setProperty("exactpay.channel.alipay.app-private-key-file", "app-private.pem");
        p.setProperty("exactpay.channel.alipay.alipay-public-key-file", "alipay-public.pem");
        return p;
    }
}
