package io.exactpay.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every message-driven bean gets the broker attachment of META-INF/ejb-jar.xml, written there once,
 * and names in its own annotation only what is its own (its queue, its sessions).
 */
class MessageDrivenConfigTest {

    private static final Map<String, String> SHARED = Map.of(
            "resourceAdapter", "artemis-ra",
            "destinationType", "jakarta.jms.Queue",
            "useJndi", "false");

    @Test
    void everyConsumerHasTheSharedActivationConfigFromTheDescriptorAndOnlyItsOwnInItsAnnotation() throws Exception {
        Map<String, Map<String, String>> described = descriptor();
        Set<Class<?>> consumers = messageDrivenBeans();
        assertEquals(5, consumers.size(), "message-driven beans found: " + consumers);
        assertEquals(consumers.stream().map(Class::getSimpleName).collect(Collectors.toSet()), described.keySet(),
                "each message-driven bean has exactly one entry in ejb-jar.xml");
        for (Class<?> consumer : consumers) {
            assertEquals(SHARED, described.get(consumer.getSimpleName()), consumer.getSimpleName());
            Map<String, String> own = Arrays.stream(consumer.getAnnotation(MessageDriven.class).activationConfig())
                    .collect(Collectors.toMap(ActivationConfigProperty::propertyName, ActivationConfigProperty::propertyValue));
            assertTrue(own.containsKey("destination"), consumer.getSimpleName() + " names its queue");
            assertTrue(own.keySet().stream().noneMatch(SHARED::containsKey),
                    consumer.getSimpleName() + " repeats a shared property: " + own);
        }
    }

    private static Map<String, Map<String, String>> descriptor() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(true);
        Map<String, Map<String, String>> beans = new TreeMap<>();
        try (InputStream in = MessageDrivenConfigTest.class.getResourceAsStream("/META-INF/ejb-jar.xml")) {
            NodeList mdbs = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "message-driven");
            for (int i = 0; i < mdbs.getLength(); i++) {
                Element mdb = (Element) mdbs.item(i);
                Map<String, String> properties = new HashMap<>();
                NodeList props = mdb.getElementsByTagNameNS("*", "activation-config-property");
                for (int j = 0; j < props.getLength(); j++) {
                    Element prop = (Element) props.item(j);
                    properties.put(text(prop, "activation-config-property-name"), text(prop, "activation-config-property-value"));
                }
                beans.put(text(mdb, "ejb-name"), properties);
            }
        }
        return beans;
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("*", name).item(0).getTextContent().trim();
    }

    private static Set<Class<?>> messageDrivenBeans() throws Exception {
        Path classes = Path.of(OrderCommandConsumer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/exactpay/messaging");
        try (Stream<Path> files = Files.list(classes)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> load("io.exactpay.messaging." + n.substring(0, n.length() - ".class".length())))
                    .filter(c -> c.isAnnotationPresent(MessageDriven.class))
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MessageDrivenConfigTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
