package io.exactpay.infrastructure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTextTest {

    @Test
    void aForgedLogLineStaysOnTheLineItCameIn() {
        String forged = "2088000000000000\n[2026-12-01T10:00:00] INFO ALIPAY callback accepted\r\u2028\u001b[2J\\n";

        String escaped = LogText.escaped(forged);

        assertEquals("2088000000000000\\n[2026-12-01T10:00:00] INFO ALIPAY callback accepted\\r\\u2028\\u001b[2J\\\\n",
                escaped);
        assertTrue(escaped.chars().noneMatch(Character::isISOControl), escaped);
    }

    @Test
    void longTextIsCut() {
        String escaped = LogText.escaped("x".repeat(100_000));

        assertTrue(escaped.length() < 300, escaped.length() + " chars");
        assertTrue(escaped.endsWith("...(100000 chars)"), escaped);
    }

    @Test
    void plainTextIsUnchanged() {
        assertEquals("out_trade_no EP-1234 支付成功", LogText.escaped("out_trade_no EP-1234 支付成功"));
        assertEquals("null", LogText.escaped(null));
        assertFalse(LogText.escaped("a\tb").contains("\t"));
    }
}
