package io.exactpay.ra;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueActivationSpecTest {

    @Test
    void aConsumerThatNamesOnlyItsQueue_consumesThatQueueByAddress_withEightSessions() {
        QueueActivationSpec spec = new QueueActivationSpec();
        spec.setDestination("exactpay.refunds");

        assertEquals("jakarta.jms.Queue", spec.getDestinationType());
        assertFalse(spec.isUseJNDI(), "the destination is a broker address, not a JNDI name");
        assertEquals(QueueActivationSpec.DEFAULT_SESSIONS, spec.getMaxSession());
        assertEquals("exactpay.refunds", spec.getDestination());
    }

    @Test
    void aBeansOwnSetting_replacesTheDefault() {
        // Payara constructs the spec, then sets the bean's activation properties on it.
        QueueActivationSpec spec = new QueueActivationSpec();
        spec.setMaxSession(4);

        assertEquals(4, spec.getMaxSession());
    }

    @Test
    void theAdaptersDescriptor_namesThisSpec() throws Exception {
        String raXml = Files.readString(Path.of("src/main/rar/META-INF/ra.xml"));

        assertTrue(raXml.contains("<activationspec-class>" + QueueActivationSpec.class.getName() + "</activationspec-class>"),
                "ra.xml must name " + QueueActivationSpec.class.getName() + " as the activation spec");
    }
}
