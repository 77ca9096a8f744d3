package io.exactpay.legacy.example;

import io.exactpay.legacy.Delivery;
import io.exactpay.legacy.ExactPayBroker;
import io.exactpay.legacy.KitConfiguration;
import io.exactpay.legacy.LegacyKit;
import io.exactpay.legacy.LegacyTransaction;
import io.exactpay.legacy.contract.CancelOrder;
import io.exactpay.legacy.contract.CreateOrder;
import io.exactpay.legacy.contract.Event;
import io.exactpay.legacy.contract.OrderClosed;
import io.exactpay.legacy.contract.OrderPlaced;
import io.exactpay.legacy.contract.Reply;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A tiny legacy ERP on the kit, against a running ExactPay (the run command): it places an order
 * and cancels it, each time changing its own database and sending the command in one transaction,
 * and takes every reply and event into its database in one transaction each. Settings (system
 * properties): erp.broker.host, erp.broker.port, erp.broker.user, erp.broker.password (default
 * 127.0.0.1, 61616, erp, erp), erp.db.port (55433), erp.data-dir (var/legacy-erp).
 */
public final class LegacyErp {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final LegacyKit kit;

    private LegacyErp(LegacyKit kit) {
        this.kit = kit;
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("erp.data-dir", "var/legacy-erp")).toAbsolutePath();
        ExactPayBroker broker = new ExactPayBroker(System.getProperty("erp.broker.host", "127.0.0.1"),
                Integer.getInteger("erp.broker.port", 61616), System.getProperty("erp.broker.user", "erp"),
                System.getProperty("erp.broker.password", "erp"));
        try (ErpDatabase database = ErpDatabase.start(dataDir, Integer.getInteger("erp.db.port", 55433));
             // Started before any work: what a crash of an earlier run left in doubt is finished first.
             LegacyKit kit = LegacyKit.start(new KitConfiguration(broker, database.xaDataSource(),
                     dataDir.resolve("transaction-log"), "legacy-erp"))) {
            System.out.println("Legacy ERP connected to " + broker + ", data in " + dataDir);
            String merchantOrderNo = new LegacyErp(kit).placeAndCancel();
            System.out.println("The ERP's own database now holds:");
            database.print(merchantOrderNo);
        }
    }

    private String placeAndCancel() throws Exception {
        String merchantOrderNo = "ERP-" + Instant.now().toEpochMilli();
        CreateOrder create = new CreateOrder("create-" + merchantOrderNo, merchantOrderNo, 1999, "CNY", "Office chair");
        kit.inTransaction(tx -> {
            ErpDatabase.orderStatus(tx, merchantOrderNo, null, "PLACING");
            tx.send(create);
            return null;
        });
        System.out.println("sent    CreateOrder " + create.messageId() + " (row PLACING committed with it)");

        OrderPlaced placed = (OrderPlaced) takeUntil(delivery -> delivery.message() instanceof OrderPlaced p
                && create.messageId().equals(delivery.correlationId()) ? p : null);

        CancelOrder cancel = new CancelOrder("cancel-" + merchantOrderNo, placed.orderId(),
                CancelOrder.Reason.PAYER_REQUEST);
        kit.inTransaction(tx -> {
            ErpDatabase.orderStatus(tx, merchantOrderNo, placed.orderId(), "CANCELLING");
            tx.send(cancel);
            return null;
        });
        System.out.println("sent    CancelOrder " + cancel.messageId() + " (row CANCELLING committed with it)");

        takeUntil(delivery -> delivery.message() instanceof OrderClosed closed
                && closed.orderId().equals(placed.orderId()) ? closed : null);
        return merchantOrderNo;
    }

    /** What one taken message tells the ERP, or null to keep taking. */
    private interface Awaited {
        Object match(Delivery<?> delivery);
    }

    /** Takes replies and events, each in its own transaction with its rows, until one matches. */
    private Object takeUntil(Awaited awaited) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Delivery<?>> taken = kit.inTransaction(this::takeOne);
            if (taken.isEmpty()) continue;
            Object match = awaited.match(taken.get());
            if (match != null) return match;
        }
        throw new IllegalStateException("ExactPay did not answer within " + WAIT + ": is the run command up?");
    }

    private Optional<Delivery<?>> takeOne(LegacyTransaction tx) throws Exception {
        Optional<Delivery<Reply>> reply = tx.receiveReply(Duration.ofMillis(500));
        if (reply.isPresent()) {
            Reply message = reply.get().message();
            if (ErpDatabase.inbox(tx, "reply:" + reply.get().correlationId(), message.getClass().getSimpleName(),
                    orderOf(message), message.toJson().toString())) {
                if (message instanceof OrderPlaced placed) {
                    ErpDatabase.orderStatus(tx, placed.merchantOrderNo(), placed.orderId(), "PLACED");
                }
            }
            System.out.println("reply   " + message + " (for " + reply.get().correlationId() + ")");
            return Optional.of(reply.get());
        }
        Optional<Delivery<Event>> event = tx.receiveEvent(Duration.ofMillis(500));
        if (event.isPresent()) {
            Event message = event.get().message();
            if (ErpDatabase.inbox(tx, "event:" + message.eventId(), message.type(), message.orderId(),
                    message.toJson().toString()) && message instanceof OrderClosed closed) {
                ErpDatabase.orderStatus(tx, closed.merchantOrderNo(), closed.orderId(), "CANCELLED");
            }
            System.out.println("event   " + message);
            return Optional.of(event.get());
        }
        return Optional.empty();
    }

    private static UUID orderOf(Reply reply) {
        if (reply instanceof OrderPlaced placed) return placed.orderId();
        if (reply instanceof io.exactpay.legacy.contract.OrderState state) return state.orderId();
        if (reply instanceof io.exactpay.legacy.contract.CommandError error) return error.orderId();
        return null;
    }
}
