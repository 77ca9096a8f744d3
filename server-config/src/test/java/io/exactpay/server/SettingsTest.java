package io.exactpay.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("EXACTPAY_DB_PORT", Settings.environmentName("db.port"));
        assertEquals("EXACTPAY_JMS_MAX_DELIVERY_ATTEMPTS", Settings.environmentName("jms.max-delivery-attempts"));
    }

    @Test
    void overridesWinOverDefaultsAndUnknownKeysAreErrors() {
        Settings settings = Settings.load(Map.of("db.port", "6543"));
        assertEquals(6543, settings.getInt("db.port"));
        assertEquals("127.0.0.1", settings.get("db.host"), "loopback by default");
        assertThrows(IllegalArgumentException.class, () -> settings.get("db.prot"));
    }

    @Test
    void theBrokersAttemptLimitIsAboveTheConsumers() {
        Settings settings = Settings.load(Map.of("jms.max-delivery-attempts", "3"));
        assertEquals(4, settings.brokerMaxDeliveryAttempts());
        assertEquals("3", settings.applicationProperties().get("exactpay.jms.max-delivery-attempts"));
    }

    @Test
    void theServerTrustsTheDevelopmentKeyUnlessAnIdentityProvidersKeyIsGiven() {
        Settings development = Settings.load(Map.of("data-dir", "/srv/exactpay"));
        assertTrue(development.developmentTokens());
        assertEquals(Path.of("/srv/exactpay/jwt/public-key.pem").toUri().toString(),
                development.applicationProperties().get("mp.jwt.verify.publickey.location"));
        assertEquals("exactpay-dev", development.applicationProperties().get("mp.jwt.verify.issuer"));

        Settings external = Settings.load(Map.of("jwt.public-key-location", "https://idp.example/keys",
                "jwt.issuer", "https://idp.example"));
        assertFalse(external.developmentTokens());
        assertEquals("https://idp.example/keys", external.applicationProperties().get("mp.jwt.verify.publickey.location"));
        assertEquals("https://idp.example", external.applicationProperties().get("mp.jwt.verify.issuer"));
    }

    @Test
    void passwordsAreNotPrinted() {
        String shown = Settings.load(Map.of("db.password", "s3cret")).toString();
        assertFalse(shown.contains("s3cret"));
        assertTrue(shown.contains("db.password=****"));
    }

    @Test
    void shippedTemplatesHaveAValueForEveryPlaceholder() {
        Settings settings = Settings.load(Map.of("db.port", "6543", "broker.port", "7654"));
        Map<String, String> values = new java.util.HashMap<>(settings.asMap());
        values.put("artemis-ra.rar", Path.of("artemis-ra.rar").toString());
        values.put("broker.data", "data");
        values.put("broker.max-delivery-attempts", "6");

        String commands = Templates.render("post-boot-commands.asadmin", values);
        assertTrue(commands.contains("portNumber=6543"), commands);
        assertTrue(commands.contains("port\\=7654"), commands);
        assertTrue(Templates.render("broker.xml", values).contains("tcp://127.0.0.1:7654"));
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Templates.fill("port=${db.port}", Map.of()));
        assertEquals("port=1", Templates.fill("port=${db.port}", Map.of("db.port", "1")));
    }
}
