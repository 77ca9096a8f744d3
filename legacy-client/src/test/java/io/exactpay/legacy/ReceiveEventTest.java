package io.exactpay.legacy;

import io.exactpay.legacy.contract.Event;
import io.exactpay.legacy.contract.OrderClosed;
import io.exactpay.legacy.contract.OrderState;
import io.exactpay.legacy.contract.OrderStatus;
import io.exactpay.legacy.contract.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replies and events are taken in once: the delivery and the database change commit together. */
class ReceiveEventTest {

    private static LegacyKit kit;

    @BeforeAll
    static void kit() throws Exception {
        kit = InProcessKit.get();
    }

    @BeforeEach
    void emptyQueues() throws Exception {
        TestServers.drain("exactpay.events::exactpay.events.erp");
        TestServers.drain("exactpay.replies.erp");
    }

    @Test
    void theEventLeavesItsQueueWhenItsRowCommits() throws Exception {
        OrderClosed closed = closedEvent();
        TestServers.publishEvent(closed.toJson().toString(), closed.type(), closed.orderId().toString());

        kit.inTransaction(tx -> {
            Delivery<Event> delivery = tx.receiveEvent(Duration.ofSeconds(5)).orElseThrow();
            record(tx, delivery.message());
            return null;
        });

        assertEquals(1, TestServers.count("select count(*) from erp_event where event_id = ?", closed.eventId()));
        assertEquals(List.of(), TestServers.drain("exactpay.events::exactpay.events.erp"));
    }

    @Test
    void aRolledBackTakeLeavesNoRowAndTheEventComesAgain() throws Exception {
        OrderClosed closed = closedEvent();
        TestServers.publishEvent(closed.toJson().toString(), closed.type(), closed.orderId().toString());

        try (LegacyTransaction tx = kit.begin()) {
            record(tx, tx.receiveEvent(Duration.ofSeconds(5)).orElseThrow().message());
        }
        assertEquals(0, TestServers.count("select count(*) from erp_event where event_id = ?", closed.eventId()));

        Delivery<Event> again = kit.inTransaction(tx -> {
            Delivery<Event> delivery = tx.receiveEvent(Duration.ofSeconds(5)).orElseThrow();
            record(tx, delivery.message());
            return delivery;
        });
        assertEquals(closed, again.message());
        assertEquals(2, again.deliveryCount());
        assertEquals(1, TestServers.count("select count(*) from erp_event where event_id = ?", closed.eventId()));
    }

    @Test
    void aReplyIsTypedAndCarriesTheCommandsMessageId() throws Exception {
        OrderState state = new OrderState(UUID.randomUUID(), "ERP-7", 1999, "CNY", "Tea", OrderStatus.CLOSING, 2,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:30:00Z"));
        TestServers.sendReply(state.toJson().toString(), "cancel-7");

        Optional<Delivery<Reply>> reply = kit.inTransaction(tx -> tx.receiveReply(Duration.ofSeconds(5)));

        assertTrue(reply.isPresent());
        assertEquals(state, reply.get().message());
        assertEquals("cancel-7", reply.get().correlationId());
        assertEquals(List.of(), TestServers.drain("exactpay.replies.erp"));
    }

    static OrderClosed closedEvent() {
        return new OrderClosed(UUID.randomUUID(), UUID.randomUUID(), "ERP-" + UUID.randomUUID(), OrderStatus.CLOSED);
    }

    static void record(LegacyTransaction tx, Event event) throws Exception {
        try (PreparedStatement ps = tx.database().prepareStatement(
                "insert into erp_event (event_id, type, order_id) values (?, ?, ?)")) {
            ps.setObject(1, event.eventId());
            ps.setString(2, event.type());
            ps.setObject(3, event.orderId());
            ps.executeUpdate();
        }
    }
}
