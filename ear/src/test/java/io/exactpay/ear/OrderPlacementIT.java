package io.exactpay.ear;

import io.exactpay.it.Api;
import io.exactpay.it.Broker;
import io.exactpay.it.Invariants;
import io.exactpay.it.OrderDatabase;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The EAR's portal API on Payara Server: an order is stored and announced in one XA transaction. */
class OrderPlacementIT {

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
    }

    @Test
    void placedOrderIsStoredAndAnnouncedTogether() throws Exception {
        String no = "EAR-" + UUID.randomUUID();

        String id = Api.placeOrder(no, 1999); // 201 Created, or it fails here

        assertEquals(1, OrderDatabase.count("select count(*) from orders where id = ?::uuid and merchant_order_no = ?"
                + " and amount_minor = 1999 and status = 'PENDING'", id, no));
        Message event = Broker.receive(Broker.EVENTS, "orderId = '" + id + "'", 10_000);
        assertNotNull(event, "OrderCreated on the events address");
        JsonObject payload = Api.json(((TextMessage) event).getText());
        assertEquals("OrderCreated", payload.getString("type"));
        assertEquals(no, payload.getString("merchantOrderNo"));
    }
}
