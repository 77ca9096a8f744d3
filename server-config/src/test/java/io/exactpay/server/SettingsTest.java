package io.exactpay.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
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
        assertEquals(6, settings.brokerMaxDeliveryAttempts(), "room for deliveries lost with a crashed consumer");
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
    void theServerRequiresAnAudienceAndBoundsTheTokenAge() {
        Map<String, String> defaults = Settings.load().applicationProperties();
        assertEquals("exactpay-api", defaults.get("mp.jwt.verify.audiences"));
        assertEquals("3600", defaults.get("mp.jwt.verify.token.age"));

        Map<String, String> own = Settings.load(Map.of("jwt.audience", "https://api.shop.example",
                "jwt.max-token-age", "PT5M")).applicationProperties();
        assertEquals("https://api.shop.example", own.get("mp.jwt.verify.audiences"));
        assertEquals("300", own.get("mp.jwt.verify.token.age"));
    }

    @Test
    void passwordsAreNotPrinted() {
        String shown = Settings.load(Map.of("db.password", "s3cret")).toString();
        assertFalse(shown.contains("s3cret"));
        assertTrue(shown.contains("db.password=****"));
    }

    @Test
    void shippedTemplatesHaveAValueForEveryPlaceholder() {
        Settings settings = Settings.load(Map.of("db.port", "6543", "broker.port", "7654",
                "broker.password", "b-secret", "broker.legacy.erp.password", "e-secret"));
        Map<String, String> values = new java.util.HashMap<>(settings.asMap());
        values.put("artemis-ra.rar", Path.of("artemis-ra.rar").toString());
        values.put("broker.data", "data");
        values.put("broker.max-delivery-attempts", "6");
        values.putAll(BrokerSecurity.templateValues(settings));

        String commands = Templates.render("post-boot-commands.asadmin", values);
        assertTrue(commands.contains("portNumber=6543"), commands);
        assertTrue(commands.contains("port\\=7654"), commands);
        String brokerXml = Templates.render("broker.xml", values);
        assertTrue(brokerXml.contains("tcp://127.0.0.1:7654"));
        assertTrue(brokerXml.contains("<security-enabled>true</security-enabled>"));
        assertTrue(brokerXml.contains("<populate-validated-user>true</populate-validated-user>"));
        assertTrue(brokerXml.contains("<journal-buffer-timeout>100000</journal-buffer-timeout>"), brokerXml);
        assertTrue(brokerXml.contains("<journal-sync-transactional>true</journal-sync-transactional>"), brokerXml);
        assertTrue(brokerXml.contains("<queue name=\"exactpay.replies.erp\"/>"), brokerXml);
        assertTrue(brokerXml.contains("match=\"exactpay.events::exactpay.events.pos\""), brokerXml);
        assertFalse(brokerXml.contains("b-secret") || brokerXml.contains("e-secret"), "no password in broker.xml");
    }

    @Test
    void onlyExactPaysOwnUserMaySendToTheSettlementQueues() {
        Settings settings = Settings.load();
        Map<String, String> values = new java.util.HashMap<>(settings.asMap());
        values.put("artemis-ra.rar", "artemis-ra.rar");
        values.put("broker.data", "data");
        values.put("broker.max-delivery-attempts", "6");
        values.putAll(BrokerSecurity.templateValues(settings));
        String brokerXml = Templates.render("broker.xml", values);
        for (String queue : List.of("exactpay.payment.captures", "exactpay.order.cancels", "exactpay.trade.closes",
                "exactpay.refunds")) {
            java.util.regex.Matcher setting = java.util.regex.Pattern.compile("<security-setting match=\""
                    + java.util.regex.Pattern.quote(queue) + "\">(.*?)</security-setting>", java.util.regex.Pattern.DOTALL)
                    .matcher(brokerXml);
            assertTrue(setting.find(), queue + " has its own security setting");
            assertTrue(setting.group(1).contains("<permission type=\"send\" roles=\"exactpay\"/>"), setting.group(1));
            assertFalse(setting.group(1).contains("legacy"), setting.group(1));
        }
    }

    @Test
    void twoLegacySystemsByDefaultEachWithItsOwnQueuesAndRole() {
        List<LegacySystem> systems = Settings.load(Map.of("broker.legacy.pos.password", "p-secret")).legacySystems();

        assertEquals(List.of("erp", "pos"), systems.stream().map(LegacySystem::name).toList());
        LegacySystem pos = systems.get(1);
        assertEquals("exactpay.replies.pos", pos.replyQueue());
        assertEquals("exactpay.events.pos", pos.eventQueue());
        assertEquals("legacy-pos", pos.role());
        assertFalse(pos.toString().contains(pos.password()));
    }

    @Test
    void aLegacySystemBeyondTheDefaultsNeedsItsOwnPassword() {
        Settings withoutPassword = Settings.load(Map.of("broker.legacy-systems", "erp,wms"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, withoutPassword::legacySystems);
        assertTrue(e.getMessage().contains("EXACTPAY_BROKER_LEGACY_WMS_PASSWORD"), e.getMessage());

        Settings settings = Settings.load(Map.of("broker.legacy-systems", "erp, wms",
                "broker.legacy.wms.password", "w-secret"));
        assertEquals("w-secret", settings.legacySystems().get(1).password());
        assertFalse(settings.toString().contains("w-secret"), "passwords are not printed");
    }

    @Test
    void legacySystemNamesAreCheckedBeforeTheyBecomeQueueNames() {
        assertThrows(IllegalArgumentException.class,
                () -> Settings.load(Map.of("broker.legacy-systems", "exactpay")).legacySystems(), "the broker user");
        assertThrows(IllegalArgumentException.class,
                () -> Settings.load(Map.of("broker.legacy-systems", "erp,erp")).legacySystems());
        assertThrows(IllegalArgumentException.class, () -> Settings.load(Map.of("broker.legacy-systems", "e.rp",
                "broker.legacy.e.rp.password", "x")).legacySystems(), "a dot would nest addresses");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Templates.fill("port=${db.port}", Map.of()));
        assertEquals("port=1", Templates.fill("port=${db.port}", Map.of("db.port", "1")));
    }
}
