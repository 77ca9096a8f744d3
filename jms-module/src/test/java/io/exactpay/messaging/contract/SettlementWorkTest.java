package io.exactpay.messaging.contract;

import io.exactpay.application.CancelOrder;
import io.exactpay.application.CloseTrade;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SubmitRefund;
import io.exactpay.domain.model.order.CancelReason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Settlement work reads back what was written, and the published schemas name exactly its fields. */
class SettlementWorkTest {

    private static final UUID ORDER = UUID.fromString("2f1c2d36-4d0e-4a40-9d55-0c2a4b1f7e10");
    private static final UUID OTHER = UUID.fromString("8a6f1d6b-7d8e-4f0c-9a55-1c2a4b1f7e99");

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static void matchesSchema(String schemaName, String body) throws Exception {
        JsonObject schema;
        try (InputStream in = getResource(schemaName); JsonReader reader = Json.createReader(in)) {
            schema = reader.readObject();
        }
        Set<String> required = schema.getJsonArray("required").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toSet());
        assertEquals(required, read(body).keySet(), schemaName);
        assertEquals(schema.getJsonObject("properties").keySet(), read(body).keySet(), schemaName);
    }

    private static InputStream getResource(String name) {
        return SettlementWorkTest.class.getResourceAsStream("/schemas/" + name);
    }

    @Test
    void eachKindOfWorkReadsBackAsWritten() throws Exception {
        CancelOrder expired = new CancelOrder(ORDER, CancelReason.EXPIRED, "expiry-timer");
        String cancel = SettlementWork.write(expired);
        assertEquals(expired, SettlementWork.parseCancel(cancel));
        matchesSchema("work-cancel-order.schema.json", cancel);

        String close = SettlementWork.write(new CloseTrade(ORDER, OTHER));
        assertEquals(new CloseTrade(ORDER, OTHER), SettlementWork.parseClose(close));
        matchesSchema("work-close-trade.schema.json", close);

        String submit = SettlementWork.write(new SubmitRefund(ORDER, OTHER));
        assertEquals("SubmitRefund", SettlementWork.typeOf(submit));
        assertEquals(new SubmitRefund(ORDER, OTHER), SettlementWork.parseSubmitRefund(submit));
        matchesSchema("work-submit-refund.schema.json", submit);

        Instant accepted = Instant.parse("2026-11-25T10:00:00Z");
        RefundNotice notice = new RefundNotice(ORDER, "R1", null, 990, "CNY", "2026-11-25T18:00:00+08:00", accepted);
        String settled = SettlementWork.write(notice);
        assertEquals("RefundSettled", SettlementWork.typeOf(settled));
        assertEquals(notice, SettlementWork.parseRefundSettled(settled));
        matchesSchema("work-refund-settled.schema.json", settled);
    }

    @Test
    void workOfAnotherKindOrVersionIsMalformed() {
        String close = SettlementWork.write(new CloseTrade(ORDER, OTHER));
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseCancel(close));
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseSubmitRefund(close));
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseRefundSettled(close));
        String submit = SettlementWork.write(new SubmitRefund(ORDER, OTHER));
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseRefundSettled(submit));
        assertEquals(null, SettlementWork.typeOf("not json"));
        String v2 = Json.createObjectBuilder(read(close)).add("schemaVersion", 2).build().toString();
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseClose(v2));
        String unknownReason = Json.createObjectBuilder(read(SettlementWork.write(new CancelOrder(ORDER, CancelReason.SUPPORT, "s"))))
                .add("reason", "BORED").build().toString();
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseCancel(unknownReason));
        // Only the expiry timer cancels through the internal queue.
        for (CancelReason reason : new CancelReason[] {CancelReason.SUPPORT, CancelReason.MERCHANT_REQUEST,
                CancelReason.PAYER_REQUEST}) {
            String cancel = SettlementWork.write(new CancelOrder(ORDER, reason, "someone"));
            assertThrows(RefusedWorkException.class, () -> SettlementWork.parseCancel(cancel), reason.name());
        }
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseClose("not json"));
        assertThrows(MalformedMessageException.class, () -> SettlementWork.parseClose(null));
    }
}
