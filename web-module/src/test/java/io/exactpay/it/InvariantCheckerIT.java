package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The invariant checker finds a broken money rule: an extra capture that nobody refunds. */
class InvariantCheckerIT {

    @Test
    void anExtraCaptureWithoutItsRefundIsReported() throws Exception {
        String orderId = Api.placeOrder("INV-" + UUID.randomUUID(), 700);
        UUID attemptId = UUID.randomUUID();
        UUID captureId = UUID.randomUUID();
        try (Connection c = OrderDatabase.connect()) {
            // What a lost refund would leave: written around the application, as a faulty release might.
            execute(c, "insert into payment_attempt (id, order_id, channel, out_trade_no, amount_minor, currency, status,"
                    + " qr_code, created_at, updated_at) values (?, ?::uuid, 'ALIPAY', ?, 700, 'CNY', 'OPEN', 'x', now(), now())",
                    attemptId, orderId, "T" + captureId.toString().replace("-", "").substring(0, 20));
            execute(c, "insert into capture (id, order_id, attempt_id, channel, channel_txn_id, amount_minor, currency, role,"
                    + " captured_at) values (?, ?::uuid, ?, 'ALIPAY', ?, 700, 'CNY', 'DUPLICATE', now())",
                    captureId, orderId, attemptId, "TXN-" + captureId);
            try {
                JsonObject report = Api.json(Api.get("/api/v1/admin/invariants",
                        Api.staffToken(DevelopmentTokens.SUPPORT)).body());
                assertTrue(report.getInt("violations") >= 1, report.toString());
                assertTrue(report.getJsonArray("details").getValuesAs(JsonObject.class).stream().anyMatch(v ->
                        v.getString("rule").equals("extra-capture-refunded-once") && v.getString("orderId").equals(orderId)),
                        report.toString());
            } finally {
                execute(c, "delete from capture where id = ?", captureId);
                execute(c, "delete from payment_attempt where id = ?", attemptId);
            }
        }
        Invariants.assertNoMoneyInvariantViolated();
        String metrics = Metrics.scrape();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("exactpay_invariant_violations") && l.endsWith(" 0.0")
                || l.startsWith("exactpay_invariant_violations") && l.endsWith(" 0")), "gauge back at 0 once repaired");
    }

    private static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }
}
