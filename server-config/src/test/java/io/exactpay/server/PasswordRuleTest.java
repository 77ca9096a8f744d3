package io.exactpay.server;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordRuleTest {

    private static final Map<String, String> STRONG = Map.of(
            "db.password", "db-password-0123", "broker.password", "broker-password-0123",
            "broker.legacy.erp.password", "erp-password-0123", "broker.legacy.pos.password", "pos-password-0123");

    private static Settings with(Map<String, String> base, String... more) {
        Map<String, String> values = new java.util.HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) values.put(more[i], more[i + 1]);
        return Settings.load(values);
    }

    @Test
    void theDevelopmentDefaultsStartWhileEveryListenerIsLoopback() {
        assertDoesNotThrow(() -> PasswordRule.require(Settings.load(Map.of())));
        assertDoesNotThrow(() -> PasswordRule.require(Settings.load(Map.of("http.host", "localhost",
                "db.host", "::1", "broker.host", "127.0.0.2"))));
    }

    @Test
    void aDefaultPasswordBeyondLoopbackIsRefusedNamingTheSetting() {
        for (String host : new String[] {"http.host", "db.host", "broker.host"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> PasswordRule.require(with(STRONG, host, "0.0.0.0", "db.password", "exactpay")), host);
            assertTrue(refused.getMessage().contains(host + " 0.0.0.0"), refused.getMessage());
            assertTrue(refused.getMessage().contains("db.password is a default password"), refused.getMessage());
            assertFalse(refused.getMessage().contains("broker.password"), refused.getMessage());
        }
        IllegalStateException legacy = assertThrows(IllegalStateException.class,
                () -> PasswordRule.require(with(STRONG, "http.host", "10.1.2.3", "broker.legacy.pos.password", "pos")));
        assertTrue(legacy.getMessage().contains("broker.legacy.pos.password is a default password"), legacy.getMessage());
        IllegalStateException broker = assertThrows(IllegalStateException.class,
                () -> PasswordRule.require(with(STRONG, "broker.host", "mq.internal", "broker.password", "ExactPay")));
        assertTrue(broker.getMessage().contains("broker.password is a default password"), broker.getMessage());
    }

    @Test
    void aShortPasswordBeyondLoopbackIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PasswordRule.require(with(STRONG, "http.host", "192.168.1.10", "broker.password", "s3cret-11ch")));
        assertTrue(refused.getMessage().contains("broker.password is shorter than 12 characters"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cret"), "the password itself is never printed");
    }

    @Test
    void strongPasswordsStartOnAnyAddress() {
        assertDoesNotThrow(() -> PasswordRule.require(with(STRONG, "http.host", "0.0.0.0", "db.host", "10.0.0.5",
                "broker.host", "mq.internal")));
    }

    @Test
    void anExternalBrokersLegacyDefaultsDoNotMatter() {
        // The legacy users are the embedded broker's; an external broker keeps its own.
        assertDoesNotThrow(() -> PasswordRule.require(with(STRONG, "broker.embedded", "false",
                "broker.host", "mq.internal", "broker.legacy.erp.password", "erp", "broker.legacy.pos.password", "pos")));
    }
}
