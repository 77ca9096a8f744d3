package io.exactpay.server;

import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who may do what on the embedded broker. ExactPay's own user (the resource adapter's pool and
 * the MDBs) holds the role {@value #APPLICATION_ROLE}, with every right on the exactpay addresses.
 * Each legacy system is a user with the roles {@value LegacySystem#ROLE} and its own
 * ({@link LegacySystem#role()}): it may send order commands and read its own reply queue and
 * events subscription, nothing else. The permissions are broker.xml's security settings; the
 * per-system parts are rendered here from the settings.
 */
final class BrokerSecurity {

    static final String APPLICATION_ROLE = "exactpay";

    /** Every permission type Artemis knows but "manage" (the management address is not ExactPay's). */
    private static final List<String> PERMISSIONS = List.of("send", "consume", "browse", "createAddress",
            "deleteAddress", "createDurableQueue", "deleteDurableQueue", "createNonDurableQueue",
            "deleteNonDurableQueue");

    /** The settlement work queues, which ExactPay alone sends to and reads. */
    static final List<String> INTERNAL_QUEUES = List.of("exactpay.payment.captures", "exactpay.order.cancels",
            "exactpay.trade.closes", "exactpay.refunds");

    private BrokerSecurity() {
    }

    /**
     * Users and roles in memory, checked by Artemis' in-VM login module, the one an embedded broker
     * is meant to use: no JAAS file or JVM-wide property, and no password written to disk.
     */
    static ActiveMQJAASSecurityManager securityManager(Settings settings) {
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(settings.get("broker.user"), settings.get("broker.password"));
        users.addRole(settings.get("broker.user"), APPLICATION_ROLE);
        for (LegacySystem system : settings.legacySystems()) {
            users.addUser(system.name(), system.password());
            users.addRole(system.name(), LegacySystem.ROLE);
            users.addRole(system.name(), system.role());
        }
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
    }

    /** The broker.xml placeholders for the legacy systems' queues and permissions. */
    static Map<String, String> templateValues(Settings settings) {
        List<LegacySystem> systems = settings.legacySystems();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("broker.legacy-reply-queues", systems.stream().map(s -> """
                      <address name="%1$s">
                        <anycast><queue name="%1$s"/></anycast>
                      </address>""".formatted(s.replyQueue())).collect(Collectors.joining("\n")));
        values.put("broker.legacy-event-queues", systems.stream().map(s -> """
                          <queue name="%s"><filter string="clientId = '%s'"/></queue>"""
                .formatted(s.eventQueue(), s.name())).collect(Collectors.joining("\n")));
        values.put("broker.internal-security-settings", INTERNAL_QUEUES.stream()
                .map(queue -> securitySetting(queue, Map.of())).collect(Collectors.joining("\n")));
        values.put("broker.legacy-security-settings", systems.stream().map(s ->
                securitySetting(s.replyQueue(), Map.of("consume", s.role(), "browse", s.role()))
                        + "\n" + securitySetting("exactpay.events::" + s.eventQueue(),
                        Map.of("consume", s.role(), "browse", s.role())))
                .collect(Collectors.joining("\n")));
        return values;
    }

    /** A match where ExactPay keeps every right and a legacy role gets the rights named. */
    private static String securitySetting(String match, Map<String, String> legacyRights) {
        String permissions = PERMISSIONS.stream().map(type -> {
            String roles = legacyRights.containsKey(type)
                    ? APPLICATION_ROLE + "," + legacyRights.get(type) : APPLICATION_ROLE;
            return "        <permission type=\"" + type + "\" roles=\"" + roles + "\"/>";
        }).collect(Collectors.joining("\n"));
        return "      <security-setting match=\"" + match + "\">\n" + permissions + "\n      </security-setting>";
    }
}
