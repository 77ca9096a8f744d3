package io.exactpay.messaging.contract;

import io.exactpay.application.OrderPlacement;
import io.exactpay.application.OrderView;
import io.exactpay.application.RemarkAdded;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published JSON schemas and the consumer's parser accept and refuse the same commands, and
 * every reply carries what its schema requires and nothing it does not name.
 */
class ContractSchemaTest {

    private static final String ORDER = "2f1c2d36-4d0e-4a40-9d55-0c2a4b1f7e10";

    private static JsonObject schema(String name) throws Exception {
        try (InputStream in = ContractSchemaTest.class.getResourceAsStream("/schemas/" + name);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static JsonObject validCreateOrder() {
        return Json.createObjectBuilder().add("type", "CreateOrder").add("schemaVersion", 1).add("messageId", "m-2")
                .add("merchantOrderNo", "ERP-1").add("amount", 1999).add("currency", "CNY").add("subject", "Green tea")
                .add("clientId", "someone").build();
    }

    /** Each command schema with a command that sets every property it names. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("add-order-remark.schema.json", Json.createObjectBuilder().add("type", "AddOrderRemark")
                        .add("schemaVersion", 1).add("messageId", "m-1").add("orderId", ORDER)
                        .add("author", "warehouse").add("text", "fragile").build()),
                Arguments.of("create-order.schema.json", validCreateOrder()),
                Arguments.of("query-order.schema.json", Json.createObjectBuilder().add("type", "QueryOrder")
                        .add("schemaVersion", 1).add("messageId", "m-3").add("orderId", ORDER).build()),
                Arguments.of("cancel-order.schema.json", Json.createObjectBuilder().add("type", "CancelOrder")
                        .add("schemaVersion", 1).add("messageId", "m-4").add("orderId", ORDER)
                        .add("reason", "MERCHANT_REQUEST").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyFieldTheSchemaRequiresIsRequiredByTheParser(String name, JsonObject valid) throws Exception {
        JsonObject schema = schema(name);
        List<String> required = strings(schema, "required");
        assertEquals(valid.keySet(), schema.getJsonObject("properties").keySet());
        assertDoesNotThrow(() -> OrderCommand.parse(valid.toString()));

        for (String field : valid.keySet()) {
            String without = Json.createObjectBuilder(valid).remove(field).build().toString();
            if (required.contains(field)) {
                assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(without), field);
            } else {
                assertDoesNotThrow(() -> OrderCommand.parse(without), field);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void fieldsTheSchemaDoesNotKnowAreRefused(String name, JsonObject valid) throws Exception {
        assertEquals(false, schema(name).getBoolean("additionalProperties"));
        String extra = Json.createObjectBuilder(valid).add("priority", "high").build().toString();
        assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(extra));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void maximumLengthsMatch(String name, JsonObject valid) throws Exception {
        JsonObject properties = schema(name).getJsonObject("properties");
        for (String field : properties.keySet()) {
            if (!properties.getJsonObject(field).containsKey("maxLength")) continue;
            int max = properties.getJsonObject(field).getInt("maxLength");
            String atMax = Json.createObjectBuilder(valid).add(field, "x".repeat(max)).build().toString();
            String over = Json.createObjectBuilder(valid).add(field, "x".repeat(max + 1)).build().toString();
            assertDoesNotThrow(() -> OrderCommand.parse(atMax), field);
            assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(over), field);
        }
    }

    @Test
    void createOrderAmountsAndCurrenciesAsTheSchemaSays() throws Exception {
        JsonObject valid = validCreateOrder();
        JsonObject properties = schema("create-order.schema.json").getJsonObject("properties");
        assertEquals("integer", properties.getJsonObject("amount").getString("type"));
        assertEquals(1, properties.getJsonObject("amount").getInt("minimum"));
        for (String amount : List.of("0", "-5", "12.5", "\"100\"", "1e30")) {
            String body = valid.toString().replace("\"amount\":1999", "\"amount\":" + amount);
            assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(body), amount);
        }
        assertEquals("^[A-Z]{3}$", properties.getJsonObject("currency").getString("pattern"));
        for (String currency : List.of("cny", "CN", "CNYY", "C1Y")) {
            String body = Json.createObjectBuilder(valid).add("currency", currency).build().toString();
            assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(body), currency);
        }
    }

    @Test
    void aClientIdInTheBodyIsNotPartOfTheCommand() throws Exception {
        JsonObject valid = validCreateOrder();
        OrderCommand.CreateOrder create = assertInstanceOf(OrderCommand.CreateOrder.class,
                OrderCommand.parse(valid.toString()));
        assertEquals(new OrderCommand.CreateOrder("m-2", "ERP-1", 1999, "CNY", "Green tea"), create);
    }

    /** Each reply schema with replies built the way the consumer builds them. */
    static Stream<Arguments> replies() {
        OrderView order = new OrderView(UUID.fromString(ORDER), "erp", "ERP-1", 1999, "CNY", "Green tea", "PENDING", 1,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:30:00Z"));
        return Stream.of(
                Arguments.of("remark-added.schema.json", Replies.remarkAdded(new RemarkAdded(order.id(), 2, false))),
                Arguments.of("order-placed.schema.json", Replies.orderPlacement(new OrderPlacement.Placed(order, true))),
                Arguments.of("order-state.schema.json", Replies.orderState(order)),
                Arguments.of("command-error.schema.json", Replies.orderPlacement(
                        new OrderPlacement.MerchantOrderNoTaken("ERP-1", order.id()))),
                Arguments.of("command-error.schema.json", Replies.orderPlacement(
                        new OrderPlacement.MessageIdReused("m-2", order.id()))),
                Arguments.of("command-error.schema.json", Replies.error("QueryOrder", Replies.ORDER_NOT_FOUND,
                        "No order", null)),
                Arguments.of("command-rejected.schema.json", Replies.rejected("malformed: no")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void repliesHaveWhatTheirSchemaRequiresAndNothingElse(String name, String reply) throws Exception {
        JsonObject schema = schema(name);
        JsonObject body = json(reply);
        JsonObject properties = schema.getJsonObject("properties");

        assertTrue(body.keySet().containsAll(strings(schema, "required")), reply);
        assertTrue(properties.keySet().containsAll(body.keySet()), reply);
        assertEquals(properties.getJsonObject("type").getString("const"), body.getString("type"));
        if (properties.getJsonObject("error") != null) {
            assertTrue(strings(properties.getJsonObject("error"), "enum").contains(body.getString("error")), reply);
        }
    }

    @Test
    void theErrorCodesAreTheOnesTheSchemaLists() throws Exception {
        JsonObject error = schema("command-error.schema.json").getJsonObject("properties").getJsonObject("error");
        assertEquals(Set.of(Replies.ORDER_EXISTS, Replies.ORDER_NOT_FOUND, Replies.MESSAGE_ID_REUSED,
                        Replies.ILLEGAL_TRANSITION, Replies.VALIDATION),
                Set.copyOf(strings(error, "enum")));
    }

    private static List<String> strings(JsonObject object, String array) {
        return object.getJsonArray(array).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @org.junit.jupiter.api.Test
    void aCancelReasonTheSchemaDoesNotListIsRefused() throws Exception {
        var reasons = schema("cancel-order.schema.json").getJsonObject("properties").getJsonObject("reason")
                .getJsonArray("enum").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        for (String reason : reasons) {
            assertDoesNotThrow(() -> OrderCommand.parse(cancel(reason)), reason);
        }
        for (String reason : new String[] {"EXPIRED", "SUPPORT", "BORED"}) {
            assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(cancel(reason)), reason);
        }
    }

    private static String cancel(String reason) {
        return Json.createObjectBuilder().add("type", "CancelOrder").add("schemaVersion", 1).add("messageId", "m-5")
                .add("orderId", ORDER).add("reason", reason).build().toString();
    }
}
