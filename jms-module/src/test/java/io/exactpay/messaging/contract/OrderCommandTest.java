package io.exactpay.messaging.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
        "schema version past the int range |{\"type\":\"AddOrderRemark\",\"schemaVersion\":4294967297,\"messageId\":\"m\",\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":\"t\"}|schemaVersion must be an integer",
        "schema version 1.0                |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1.0}|schemaVersion must be an integer",
        "amount above the long range       |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"currency\":\"CNY\",\"subject\":\"s\",\"amount\":9223372036854775808}|amount must be a positive integer",
        "amount negative                   |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"currency\":\"CNY\",\"subject\":\"s\",\"amount\":-1}|amount must be a positive integer",
        "amount zero                       |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"currency\":\"CNY\",\"subject\":\"s\",\"amount\":0}|amount must be a positive integer",
        "amount a string                   |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"currency\":\"CNY\",\"subject\":\"s\",\"amount\":\"100\"}|amount must be a positive integer",
        "amount null                       |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"currency\":\"CNY\",\"subject\":\"s\",\"amount\":null}|amount must be a positive integer",
        "amount an object                  |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"currency\":\"CNY\",\"subject\":\"s\",\"amount\":{\"value\":100}}|amount must be a positive integer",
        "amount a tiny fraction            |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"currency\":\"CNY\",\"subject\":\"s\",\"amount\":1e-400}|amount must be a positive integer",
        "currency lower case               |{\"type\":\"CreateOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"merchantOrderNo\":\"M\",\"amount\":1,\"currency\":\"cny\",\"subject\":\"s\"}|currency must be an ISO 4217 code",
        "text a nested object              |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":{\"t\":[1]}}|text must be a non-empty string",
        "duplicate field                   |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"messageId\":\"m\",\"messageId\":\"n\",\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":\"t\"}|not a JSON object",
        "message id with a NUL             |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":\"t\",\"messageId\":\"m\\u0000\"}|messageId must not contain control characters",
        "message id with a line break      |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":\"t\",\"messageId\":\"m\\nINFO forged\"}|messageId must not contain control characters",
        "text with a NUL                   |{\"type\":\"AddOrderRemark\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":\"" + ORDER + "\",\"author\":\"a\",\"text\":\"t\\u0000\"}|text must not contain control characters",
        "type missing                      |{\"schemaVersion\":1,\"messageId\":\"m\"}|type must be a non-empty string",
        "empty object                      |{}|type must be a non-empty string",
        "trailing text after the object    |{\"type\":\"QueryOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":\"" + ORDER + "\"} {}|not a JSON object",
        "reply address in the body         |{\"type\":\"QueryOrder\",\"schemaVersion\":1,\"messageId\":\"m\",\"orderId\":\"" + ORDER + "\",\"replyTo\":\"exactpay.replies.pos\"}|unknown field replyTo",
    })
    void refusesMalformedCommandsWithAReason(String name, String body, String reason) {
        MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(body));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** A number's size decides nothing slowly: 1e1000000000 is refused at once, never expanded. */
    @Test
    @Timeout(5)
    void refusesAnAstronomicalNumberAtOnce() {
        for (String field : new String[] {"\"schemaVersion\":1e1000000000",
                "\"schemaVersion\":1,\"amount\":1e1000000000"}) {
            String body = "{\"type\":\"CreateOrder\"," + field + ",\"messageId\":\"m\",\"merchantOrderNo\":\"M\","
                    + "\"currency\":\"CNY\",\"subject\":\"s\"" + (field.contains("amount") ? "" : ",\"amount\":1") + "}";
            MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(body));
            assertTrue(e.getMessage().contains("must be"), e.getMessage());
        }
    }

    /** JSON nested deeper than any command is refused with a reason, never a stack overflow. */
    @Test
    void refusesDeeplyNestedJson() {
        String nested = "{\"type\":\"QueryOrder\",\"schemaVersion\":1,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        MalformedMessageException e = assertThrows(MalformedMessageException.class,
                () -> OrderCommand.parse(nested.substring(0, Math.min(nested.length(), OrderCommand.MAX_BODY_CHARS))));
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
        String deepObject = "{\"type\":\"QueryOrder\",\"schemaVersion\":1,\"x\":" + "{\"a\":".repeat(2_000) + "1"
                + "}".repeat(2_000) + "}";
        MalformedMessageException object = assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(deepObject));
        assertTrue(object.getMessage().contains("not a JSON object") || object.getMessage().contains("unknown field x"),
                object.getMessage());
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
