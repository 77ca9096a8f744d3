package io.exactpay.legacy.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.exactpay.application.OrderPlacement;
import io.exactpay.application.OrderView;
import io.exactpay.application.RefundView;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.messaging.contract.Events;
import io.exactpay.messaging.contract.OrderCommand;
import io.exactpay.messaging.contract.Replies;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The kit's records and ExactPay's side of the wire cannot drift: every record the kit writes is
 * valid under the server's published schema (jms-module's schemas/) and is read by the server's
 * own parser as the same command; every reply and event the server writes is read by the kit as
 * the record that writes the very same JSON back.
 */
class ContractTest {

    private static final UUID ORDER = UUID.fromString("2f1c2d36-4d0e-4a40-9d55-0c2a4b1f7e10");
    private static final UUID EVENT = UUID.fromString("6b3f8f0e-1f7c-4a57-8f0a-3f1e2d4c5b6a");
    private static final Instant CREATED = Instant.parse("2026-01-01T08:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-01-01T08:30:00Z");
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static JsonSchema schema(String name) throws Exception {
        try (InputStream in = OrderCommand.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) throw new AssertionError("No schema " + name + " in jms-module");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    private static void assertValid(String schemaName, JsonObject json) throws Exception {
        Set<ValidationMessage> errors = schema(schemaName).validate(JACKSON.readTree(json.toString()));
        assertEquals(Set.of(), errors, schemaName + ": " + json);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Each command as the kit writes it, its schema, and the command ExactPay's parser must read. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(new CreateOrder("m-1", "ERP-1", 1999, "CNY", "Green tea"), "create-order.schema.json",
                        new OrderCommand.CreateOrder("m-1", "ERP-1", 1999, "CNY", "Green tea")),
                Arguments.of(new CancelOrder("m-2", ORDER, CancelOrder.Reason.PAYER_REQUEST), "cancel-order.schema.json",
                        new OrderCommand.CancelOrder("m-2", ORDER, CancelReason.PAYER_REQUEST)),
                Arguments.of(new CancelOrder("m-3", ORDER, CancelOrder.Reason.MERCHANT_REQUEST),
                        "cancel-order.schema.json",
                        new OrderCommand.CancelOrder("m-3", ORDER, CancelReason.MERCHANT_REQUEST)),
                Arguments.of(new QueryOrder("m-4", ORDER), "query-order.schema.json",
                        new OrderCommand.QueryOrder("m-4", ORDER)),
                Arguments.of(new AddOrderRemark("m-5", ORDER, "warehouse", "fragile"), "add-order-remark.schema.json",
                        new OrderCommand.AddOrderRemark("m-5", ORDER, "warehouse", "fragile")));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("commands")
    void everyCommandIsValidUnderItsSchemaAndReadAsTheSameByExactPay(Command command, String schema,
                                                                    OrderCommand expected) throws Exception {
        assertValid(schema, command.toJson());
        assertEquals(expected, OrderCommand.parse(command.toJsonText()));
    }

    @Test
    void theKitRefusesToBuildACommandTheSchemaRefuses() throws Exception {
        JsonObject create = properties("create-order.schema.json");
        int messageId = create.getJsonObject("messageId").getInt("maxLength");
        int merchantOrderNo = create.getJsonObject("merchantOrderNo").getInt("maxLength");
        int subject = create.getJsonObject("subject").getInt("maxLength");
        assertDoesNotThrow(() -> new CreateOrder("m".repeat(messageId), "n".repeat(merchantOrderNo), 1, "CNY",
                "s".repeat(subject)));
        assertThrows(IllegalArgumentException.class, () -> new CreateOrder("m".repeat(messageId + 1), "n", 1, "CNY", "s"));
        assertThrows(IllegalArgumentException.class,
                () -> new CreateOrder("m", "n".repeat(merchantOrderNo + 1), 1, "CNY", "s"));
        assertThrows(IllegalArgumentException.class, () -> new CreateOrder("m", "n", 1, "CNY", "s".repeat(subject + 1)));
        assertThrows(IllegalArgumentException.class, () -> new CreateOrder("", "n", 1, "CNY", "s"));
        assertEquals(1, create.getJsonObject("amount").getInt("minimum"));
        assertThrows(IllegalArgumentException.class, () -> new CreateOrder("m", "n", 0, "CNY", "s"));
        for (String currency : new String[] {"cny", "CN", "CNYY"}) {
            assertThrows(IllegalArgumentException.class, () -> new CreateOrder("m", "n", 1, currency, "s"), currency);
        }

        JsonObject remark = properties("add-order-remark.schema.json");
        int author = remark.getJsonObject("author").getInt("maxLength");
        int text = remark.getJsonObject("text").getInt("maxLength");
        assertDoesNotThrow(() -> new AddOrderRemark("m", ORDER, "a".repeat(author), "t".repeat(text)));
        assertThrows(IllegalArgumentException.class, () -> new AddOrderRemark("m", ORDER, "a".repeat(author + 1), "t"));
        assertThrows(IllegalArgumentException.class, () -> new AddOrderRemark("m", ORDER, "a", "t".repeat(text + 1)));

        Set<String> reasons = Set.copyOf(properties("cancel-order.schema.json").getJsonObject("reason")
                .getJsonArray("enum").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(reasons, Set.copyOf(Stream.of(CancelOrder.Reason.values()).map(Enum::name).toList()));
    }

    private static JsonObject properties(String name) throws Exception {
        try (InputStream in = OrderCommand.class.getResourceAsStream("/schemas/" + name);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject().getJsonObject("properties");
        }
    }

    private static OrderView order(String status) {
        return new OrderView(ORDER, "erp", "ERP-1", 1999, "CNY", "Green tea", status, 3, CREATED, EXPIRES);
    }

    private static RefundView refund(String status, String failure) {
        return new RefundView(UUID.randomUUID(), ORDER, UUID.randomUUID(), "R-1", 1999, "CNY", "ORDER_CANCELLED", status,
                null, failure, CREATED, EXPIRES);
    }

    /**
     * Each reply and event as ExactPay writes it, with its schema (null where the server publishes
     * none yet: there the server's own writer is the contract) and the record the kit must read.
     */
    static Stream<Arguments> incoming() {
        return Stream.of(
                Arguments.of(Replies.orderPlacement(new OrderPlacement.Placed(order("PENDING"), false)),
                        "order-placed.schema.json",
                        new OrderPlaced(ORDER, "ERP-1", 1999, "CNY", "Green tea", CREATED, EXPIRES, false)),
                Arguments.of(Replies.orderState(order("CLOSING")), "order-state.schema.json",
                        new OrderState(ORDER, "ERP-1", 1999, "CNY", "Green tea", OrderStatus.CLOSING, 3, CREATED, EXPIRES)),
                Arguments.of(Replies.remarkAdded(new io.exactpay.application.RemarkAdded(ORDER, 4, true)),
                        "remark-added.schema.json", new RemarkAdded(ORDER, 4, true)),
                Arguments.of(Replies.orderPlacement(new OrderPlacement.MerchantOrderNoTaken("ERP-1", ORDER)),
                        "command-error.schema.json", new CommandError("CreateOrder", CommandError.Code.ORDER_EXISTS,
                                "Merchant order number ERP-1 is already used", ORDER)),
                Arguments.of(Replies.error("QueryOrder", Replies.ORDER_NOT_FOUND, "No order", null),
                        "command-error.schema.json", new CommandError("QueryOrder", CommandError.Code.ORDER_NOT_FOUND,
                                "No order", null)),
                Arguments.of(Replies.error("CancelOrder", Replies.ILLEGAL_TRANSITION, "Paid", ORDER),
                        "command-error.schema.json", new CommandError("CancelOrder",
                                CommandError.Code.ILLEGAL_TRANSITION, "Paid", ORDER)),
                Arguments.of(Replies.rejected("malformed: no type"), "command-rejected.schema.json",
                        new CommandRejected("malformed: no type")),
                Arguments.of(Events.orderCreated(EVENT, order("PENDING")), "order-created.schema.json",
                        new OrderCreated(EVENT, ORDER, "ERP-1", "erp", 1999, "CNY", OrderStatus.PENDING, CREATED, EXPIRES)),
                Arguments.of(Events.orderClosed(EVENT, order("CLOSED")), "order-closed.schema.json",
                        new OrderClosed(EVENT, ORDER, "ERP-1", OrderStatus.CLOSED)),
                Arguments.of(Events.refund("OrderRefunding", EVENT, order("REFUNDING"), refund("REQUESTED", null)),
                        "refund-event.schema.json", new RefundEvent(RefundEvent.Kind.ORDER_REFUNDING, EVENT, ORDER,
                                "ERP-1", OrderStatus.REFUNDING, "R-1", RefundEvent.Reason.ORDER_CANCELLED,
                                RefundEvent.Status.REQUESTED, 1999, "CNY", null)),
                Arguments.of(Events.refund("RefundFailed", EVENT, order("REFUNDING"), refund("FAILED", "channel says no")),
                        "refund-event.schema.json", new RefundEvent(RefundEvent.Kind.REFUND_FAILED, EVENT, ORDER,
                                "ERP-1", OrderStatus.REFUNDING, "R-1", RefundEvent.Reason.ORDER_CANCELLED,
                                RefundEvent.Status.FAILED, 1999, "CNY", "channel says no")),
                Arguments.of(Events.orderPaid(EVENT, order("PAID"), "ALIPAY"), null,
                        new OrderPaid(EVENT, ORDER, "ERP-1", "ALIPAY", 1999, "CNY")),
                Arguments.of(Events.paymentRefunding("DuplicatePaymentRefunding", EVENT, order("PAID"), "WECHAT_PAY",
                        "R-2", 1999), null, new PaymentRefunding(PaymentRefunding.Kind.DUPLICATE, EVENT, ORDER, "ERP-1",
                        OrderStatus.PAID, "WECHAT_PAY", "R-2", 1999, "CNY")),
                Arguments.of(Events.paymentRefunding("LatePaymentRefunding", EVENT, order("CLOSED"), "ALIPAY",
                        "R-3", 1999), null, new PaymentRefunding(PaymentRefunding.Kind.LATE, EVENT, ORDER, "ERP-1",
                        OrderStatus.CLOSED, "ALIPAY", "R-3", 1999, "CNY")));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("incoming")
    void whatExactPayWritesTheKitReadsAndWritesBackTheSame(String serverBody, String schema, Record expected)
            throws Exception {
        Object read = expected instanceof Reply ? Reply.parse(serverBody) : Event.parse(serverBody);
        assertEquals(expected, read);

        JsonObject kitBody = expected instanceof Reply reply ? reply.toJson() : ((Event) expected).toJson();
        assertEquals(json(serverBody), kitBody);
        if (schema != null) assertValid(schema, kitBody);
    }

    @Test
    void aBodyOfANewerSchemaVersionIsRefusedNotHalfRead() {
        String newer = Events.orderClosed(EVENT, order("CLOSED")).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThrows(MalformedBodyException.class, () -> Event.parse(newer));
        assertThrows(MalformedBodyException.class, () -> Reply.parse("{\"type\":\"Surprise\",\"schemaVersion\":1}"));
        assertThrows(MalformedBodyException.class, () -> Event.parse("not json"));
    }
}
