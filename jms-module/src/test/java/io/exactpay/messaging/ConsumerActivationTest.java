package io.exactpay.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumers' activation is written once (server-config's {@code QueueActivationSpec} and the
 * servers' default adapter): a consumer names its queue and, if it must, its number of sessions.
 */
class ConsumerActivationTest {

    private static final List<Class<?>> CONSUMERS = List.of(PaymentCapturedConsumer.class, TradeCloseConsumer.class,
            RefundConsumer.class, CancelOrderConsumer.class, OrderCommandConsumer.class);

    private static final Set<String> A_CONSUMERS_OWN = Set.of("destination", "maxSession");

    @Test
    void eachConsumerNamesOnlyItsQueue_andAtMostItsSessions() {
        for (Class<?> consumer : CONSUMERS) {
            Set<String> named = activation(consumer).keySet();
            assertTrue(named.contains("destination"), consumer.getSimpleName() + " names no queue");
            assertTrue(A_CONSUMERS_OWN.containsAll(named),
                    consumer.getSimpleName() + " repeats shared activation configuration: " + named);
        }
    }

    @Test
    void noTwoConsumersTakeFromOneQueue() {
        Map<String, String> queues = new HashMap<>();
        for (Class<?> consumer : CONSUMERS) {
            String queue = activation(consumer).get("destination");
            assertNull(queues.put(queue, consumer.getSimpleName()), queue + " has two consumers");
        }
        assertEquals(CONSUMERS.size(), queues.size());
    }

    private static Map<String, String> activation(Class<?> consumer) {
        MessageDriven bean = consumer.getAnnotation(MessageDriven.class);
        assertTrue(bean != null, consumer.getSimpleName() + " is not a message-driven bean");
        return Arrays.stream(bean.activationConfig())
                .collect(Collectors.toMap(ActivationConfigProperty::propertyName, ActivationConfigProperty::propertyValue));
    }
}
