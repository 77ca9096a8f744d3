package io.exactpay.messaging.contract;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The published JSON schema and the consumer's parser accept and refuse the same commands. */
class ContractSchemaTest {

    private static JsonObject schema(String name) throws Exception {
        try (InputStream in = ContractSchemaTest.class.getResourceAsStream("/schemas/" + name);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    private static JsonObject validRemark() {
        return Json.createObjectBuilder().add("type", "AddOrderRemark").add("schemaVersion", 1)
                .add("messageId", "m-1").add("orderId", "2f1c2d36-4d0e-4a40-9d55-0c2a4b1f7e10")
                .add("author", "warehouse").add("text", "fragile").build();
    }

    @Test
    void everyFieldTheSchemaRequiresIsRequiredByTheParser() throws Exception {
        JsonObject schema = schema("add-order-remark.schema.json");
        List<String> required = schema.getJsonArray("required").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertEquals(validRemark().keySet(), schema.getJsonObject("properties").keySet());
        assertDoesNotThrow(() -> OrderCommand.parse(validRemark().toString()));

        for (String field : required) {
            String without = Json.createObjectBuilder(validRemark()).remove(field).build().toString();
            assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(without), field);
        }
    }

    @Test
    void fieldsTheSchemaDoesNotKnowAreRefused() throws Exception {
        assertEquals(false, schema("add-order-remark.schema.json").getBoolean("additionalProperties"));
        String extra = Json.createObjectBuilder(validRemark()).add("priority", "high").build().toString();
        assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(extra));
    }

    @Test
    void maximumLengthsMatch() throws Exception {
        JsonObject properties = schema("add-order-remark.schema.json").getJsonObject("properties");
        for (String field : List.of("messageId", "author", "text")) {
            int max = properties.getJsonObject(field).getInt("maxLength");
            String atMax = Json.createObjectBuilder(validRemark()).add(field, "x".repeat(max)).build().toString();
            String over = Json.createObjectBuilder(validRemark()).add(field, "x".repeat(max + 1)).build().toString();
            assertDoesNotThrow(() -> OrderCommand.parse(atMax), field);
            assertThrows(MalformedMessageException.class, () -> OrderCommand.parse(over), field);
        }
    }
}
