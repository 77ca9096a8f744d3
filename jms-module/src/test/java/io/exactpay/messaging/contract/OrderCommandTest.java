package io.exactpay.messaging.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderCommandTest {

    private static final String ORDER = "2f1c2d36-4d0e-4a40-9d55-0c2a4b1f7e10";

    @Test
    void readsAnAddOrderRemarkCommand() throws Exception {
        OrderCommand command = OrderCommand.parse("{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,"
                + "\"messageId\":\"m-1\",\"orderId\":\"" + ORDER + "\",\"author\":\"warehouse\",\"text\":\"fragile\"}");

        OrderCommand.AddOrderRemark remark = assertInstanceOf(OrderCommand.AddOrderRemark.class, command);
        assertEquals("m-1", remark.messageId());
        assertEquals(UUID.fromString(ORDER), remark.orderId());
        assertEquals("warehouse", remark.author());
        assertEquals("fragile", remark.text());
    }

    @Test
    void readsACreateOrderCommand() throws Exception {
        OrderCommand command = OrderCommand.parse("{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m-2\","
                + "\"merchantOrderNo\":\"ERP-7\",\"amount\":1999,\"currency\":\"CNY\",\"subject\":\"Green tea\"}");

        assertEquals(new OrderCommand.CreateOrder("m-2", "ERP-7", 1999, "CNY", "Green tea"), command);
    }

    @Test
    void readsAQueryOrderCommand() throws Exception {
        OrderCommand command = OrderCommand.parse("{\"type\":\"QueryOrder\",\"schemaVersion\":1,\"messageId\":\"m-3\","
                + "\"orderId\":\"" + ORDER + "\"}");

        assertEquals(new OrderCommand.QueryOrder("m-3", UUID.fromString(ORDER)), command);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                |{type:                                                                            |not a JSON object",
        "JSON array              |[]                                                                                |not a JSON object",
        "unknown type            |{\"type\":\"PayOrder\",\"schemaVersion\":1}                                        |unknown command type PayOrder",
        "future schema           |{\"type\":\"AddOrderRemark\",\"schemaVersion\":2}                                  |unsupported schemaVersion 2",
        "missing message id      |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":\"t\"}|messageId must be a non-empty string",
        "order id not a UUID     |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":\"42\",\"author\":\"a\",\"text\":\"t\"}|orderId is not a UUID",
        "order id a number       |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":42,\"author\":\"a\",\"text\":\"t\"}|orderId must be a non-empty string",
        "unknown field           |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":\"t\",\"amount\":5}|unknown field amount",
        "amount with a fraction  |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"amount\":12.5,\"currency\":\"CNY\",\"subject\":\"s\"}|amount must be a positive integer",
        "query without order id  |{\"type\":\"QueryOrder\",\"schemaVersion\":1,\"messageId\":\"m\"}|orderId must be a non-empty string",
        "schema version a string |{\"type\":\"AddOrderRemark\",\"schemaVersion\":\"1\"}                                |schemaVersion must be an integer",
    })
    void refusesMalformedCommandsWithAReason(String name, String body, String reason) {
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(body));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesTooLongTextAndOversizedBodies() {
        String longText = "x".repeat(501);
        MalformedMessageException text = assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(
                "{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":\"" + ORDER
                        + "\",\"author\":\"a\",\"text\":\"" + longText + "\"}"));
        assertTrue(text.getMessage().contains("text is longer than 500"));

        MalformedMessageException body = assertThrows(MalformedMessageException.class,
                () -> OrderCommand.parse(" ".repeat(OrderCommand.MAX_BODY_CHARS + 1)));
        assertTrue(body.getMessage().contains("body longer than"));
        assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(null));
    }
}
