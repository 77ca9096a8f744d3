package io.exactpay.legacy;

import io.exactpay.legacy.contract.CancelOrder;
import io.exactpay.legacy.contract.Event;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A legacy system's process for the crash tests, run in its own JVM: it starts the kit on its
 * transaction log (which recovers what an earlier run left in doubt), does one piece of work and
 * exits, unless its crash point halts it first.
 *
 * <p>Arguments: work (send, send-without-xa, take-event, take-event-without-xa, recover-only,
 * recover-periodically),
 * transaction log, node name, crash point, key (the command's messageId and the row's order number).
 */
public final class ErpProcess {

    public static void main(String[] args) throws Exception {
        String work = args[0];
        CrashPoint crash = CrashPoint.valueOf(args[3]);
        String key = args[4];
        long began = System.nanoTime();
        // Periodic passes often enough for the orphan rule (20 s) to be seen within a test.
        Duration recoveryPeriod = work.equals("recover-periodically") ? Duration.ofSeconds(2) : Duration.ofMinutes(5);
        LegacyKit kit = LegacyKit.start(new KitConfiguration(TestServers.erp(), TestServers.xaDataSource(),
                Path.of(args[1]), args[2], Duration.ofSeconds(30), recoveryPeriod), crash::wrap);
        System.err.printf("kit started and recovered in %d ms%n", (System.nanoTime() - began) / 1_000_000);
        switch (work) {
            case "send" -> kit.inTransaction(tx -> {
                SendCommandTest.cancelledRow(tx, key);
                tx.send(cancel(key));
                return null;
            });
            case "send-without-xa" -> {
                // What a legacy system does without the kit's broker resource: the command goes
                // out on its own, non-transacted session as soon as it is sent.
                try (Connection jms = plainConnection()) {
                    Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = session.createProducer(session.createQueue(ExactPayBroker.COMMAND_QUEUE));
                    kit.inTransaction(tx -> {
                        SendCommandTest.cancelledRow(tx, key);
                        TextMessage message = session.createTextMessage(cancel(key).toJsonText());
                        message.setJMSCorrelationID(key);
                        producer.send(message);
                        return null;
                    });
                }
            }
            case "take-event" -> kit.inTransaction(tx -> {
                ReceiveEventTest.record(tx, tx.receiveEvent(Duration.ofSeconds(10)).orElseThrow().message());
                return null;
            });
            case "take-event-without-xa" -> {
                // The event is acknowledged on receipt, before the database change commits.
                try (Connection jms = plainConnection()) {
                    jms.start();
                    Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageConsumer consumer = session.createConsumer(
                            session.createQueue(TestServers.erp().eventQueue()));
                    TextMessage message = (TextMessage) consumer.receive(10_000);
                    Event event = Event.parse(message.getText());
                    kit.inTransaction(tx -> {
                        ReceiveEventTest.record(tx, event);
                        return null;
                    });
                }
            }
            case "recover-only" -> {
                // Starting the kit ran one recovery pass. A pass that could not finish a
                // transaction (a resource not reachable yet) leaves it logged for the next one,
                // as the kit's periodic passes would: pass again until the log is empty.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (kit.transactionsInDoubt() > 0 && System.nanoTime() < deadline) {
                    System.err.printf("still in doubt after a pass: %d%n", kit.transactionsInDoubt());
                    Thread.sleep(1000);
                    kit.recover();
                }
            }
            case "recover-periodically" -> {
                // Runs on while the periodic passes work, until nothing is prepared in the database.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (TestServers.preparedInDatabase() > 0 && System.nanoTime() < deadline) Thread.sleep(500);
            }
            default -> throw new IllegalArgumentException(work);
        }
        System.err.printf("work done in %d ms%n", (System.nanoTime() - began) / 1_000_000);
        kit.close();
        System.err.printf("kit closed in %d ms%n", (System.nanoTime() - began) / 1_000_000);
        System.exit(0);
    }

    private static CancelOrder cancel(String key) {
        return new CancelOrder(key, UUID.nameUUIDFromBytes(key.getBytes()), CancelOrder.Reason.PAYER_REQUEST);
    }

    private static Connection plainConnection() throws Exception {
        ExactPayBroker erp = TestServers.erp();
        return new ActiveMQConnectionFactory(erp.url(), erp.user(), erp.password()).createConnection();
    }
}
