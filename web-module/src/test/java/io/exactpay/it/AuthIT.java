package io.exactpay.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.exactpay.server.DevelopmentTokens;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer tokens on the portal API: who may call at all (401), which role may do what (403), and
 * which client's orders a portal sees (404 for another client's, as if there were none).
 */
class AuthIT {

    private static final String ORDER = "/api/v1/orders/";

    @Test
    void aRequestWithoutATokenIsUnauthorized() throws Exception {
        HttpResponse<String> read = Api.get(ORDER + UUID.randomUUID(), null);
        HttpResponse<String> create = Api.post("/api/v1/orders", Api.orderJson("AUTH-" + UUID.randomUUID(), 100), null);

        assertProblem(401, "unauthorized", read);
        assertProblem(401, "unauthorized", create);
        assertTrue(read.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorized() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        JWTClaimsSet claims = Api.tokens().claims("intruder", List.of(DevelopmentTokens.PORTAL), Instant.now(),
                Duration.ofHours(1)).claim(DevelopmentTokens.CLIENT_ID_CLAIM, Api.CLIENT).build();
        String forged = DevelopmentTokens.sign(claims, rsa.generateKeyPair().getPrivate());

        HttpResponse<String> response = Api.post("/api/v1/orders", Api.orderJson("AUTH-" + UUID.randomUUID(), 100),
                forged);

        assertProblem(401, "unauthorized", response);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws Exception {
        String expired = Api.tokens().sign(Api.tokens().claims("late-portal", List.of(DevelopmentTokens.PORTAL),
                        Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1))
                .claim(DevelopmentTokens.CLIENT_ID_CLAIM, Api.CLIENT).build());

        assertProblem(401, "unauthorized", Api.get(ORDER + UUID.randomUUID(), expired));
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsUnauthorized() throws Exception {
        String otherAudience = Api.tokens().sign(portalClaims(Instant.now(), Duration.ofMinutes(10))
                .audience("another-service").build());
        String noAudience = Api.tokens().sign(portalClaims(Instant.now(), Duration.ofMinutes(10))
                .audience((String) null).build());

        assertProblem(401, "unauthorized", Api.post("/api/v1/orders", Api.orderJson("AUTH-" + UUID.randomUUID(), 100),
                otherAudience));
        assertProblem(401, "unauthorized", Api.get(ORDER + UUID.randomUUID(), noAudience));
        assertEquals(0, OrderDatabase.count("select count(*) from orders where client_id = ?", "aud-portal"));
    }

    @Test
    void aTokenIssuedLongerAgoThanTheAgeLimitIsUnauthorizedThoughNotExpired() throws Exception {
        // Issued two hours ago with a day to run: the server's limit (one hour) refuses it anyway.
        String old = Api.tokens().sign(portalClaims(Instant.now().minus(Duration.ofHours(2)), Duration.ofDays(1))
                .build());
        String recent = Api.tokens().sign(portalClaims(Instant.now().minus(Duration.ofMinutes(5)), Duration.ofDays(1))
                .build());

        assertProblem(401, "unauthorized", Api.get(ORDER + UUID.randomUUID(), old));
        assertProblem(404, "order-not-found", Api.get(ORDER + UUID.randomUUID(), recent));
    }

    private static JWTClaimsSet.Builder portalClaims(Instant issuedAt, Duration lifetime) {
        return Api.tokens().claims("aud-portal", List.of(DevelopmentTokens.PORTAL), issuedAt, lifetime)
                .claim(DevelopmentTokens.CLIENT_ID_CLAIM, "aud-portal");
    }

    @Test
    void aPortalSeesOnlyItsOwnClientsOrdersAndSupportSeesAll() throws Exception {
        String orderId = Api.placeOrder("AUTH-" + UUID.randomUUID(), 300);
        String other = Api.portalToken("other-portal-" + UUID.randomUUID());

        assertProblem(404, "order-not-found", Api.get(ORDER + orderId, other));
        assertProblem(404, "order-not-found", Api.get(ORDER + orderId + "/payments", other));
        assertProblem(404, "order-not-found", Api.post(ORDER + orderId + "/payments", "{\"channel\":\"ALIPAY\"}", other));
        assertEquals(0, OrderDatabase.count("select count(*) from payment_attempt where order_id = ?::uuid", orderId));

        assertEquals(200, Api.get(ORDER + orderId).statusCode(), "its own client");
        for (String role : List.of(DevelopmentTokens.SUPPORT, DevelopmentTokens.ADMIN)) {
            HttpResponse<String> read = Api.get(ORDER + orderId, Api.staffToken(role));
            assertEquals(200, read.statusCode(), role + ": " + read.body());
            assertEquals(orderId, Api.json(read.body()).getString("id"));
        }
    }

    @Test
    void onlySupportAndAdminCheckTheInvariants() throws Exception {
        String invariants = "/api/v1/admin/invariants";

        assertProblem(403, "forbidden", Api.get(invariants));
        assertProblem(401, "unauthorized", Api.get(invariants, null));
        assertEquals(200, Api.get(invariants, Api.staffToken(DevelopmentTokens.SUPPORT)).statusCode());
        assertEquals(200, Api.get(invariants, Api.staffToken(DevelopmentTokens.ADMIN)).statusCode());
    }

    @Test
    void staffTokensPlaceNoOrders() throws Exception {
        // Orders belong to a client; a support token names none.
        assertProblem(403, "forbidden", Api.post("/api/v1/orders", Api.orderJson("AUTH-" + UUID.randomUUID(), 100),
                Api.staffToken(DevelopmentTokens.SUPPORT)));
    }

    @Test
    void openApiDescribesTheOrdersApiAndItsBearerSchemeToTheApisOwnRolesOnly() throws Exception {
        assertProblem(401, "unauthorized", Api.get("/openapi", null));
        assertProblem(401, "unauthorized", Api.get("/openapi", "not.a.token"));

        for (String token : List.of(Api.portalToken("acme-portal"), Api.staffToken(DevelopmentTokens.SUPPORT),
                Api.staffToken(DevelopmentTokens.ADMIN))) {
            // Payara writes the document at its first request, which takes a while on a busy machine.
            HttpResponse<String> document = Api.get("/openapi", token, Duration.ofMinutes(3));
            assertEquals(200, document.statusCode(), document.body());
            assertTrue(document.body().contains("/api/v1/orders:"), document.body());
            assertTrue(document.body().contains("title: ExactPay"), document.body());
            assertTrue(document.body().contains("scheme: bearer"), document.body());
        }
    }

    /**
     * Payara Micro serves /metrics inside the application, which guards it: an admin token reads
     * it, anyone else is refused with problem+json, also on the endpoint's sub-paths.
     */
    @Test
    void onlyAdminsReadTheMetrics() throws Exception {
        for (String path : List.of("/metrics", "/metrics/application", "/metrics?scope=base")) {
            assertProblem(401, "unauthorized", Api.get(path, null));
            assertProblem(401, "unauthorized", Api.get(path, "not.a.token"));
            assertProblem(403, "forbidden", Api.get(path));
            assertProblem(403, "forbidden", Api.get(path, Api.staffToken(DevelopmentTokens.SUPPORT)));
        }

        HttpResponse<String> metrics = Api.get("/metrics", Api.staffToken(DevelopmentTokens.ADMIN));
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("# TYPE exactpay_"), metrics.body());
    }

    private static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = Api.json(response.body());
        assertTrue(problem.getString("type").endsWith("/" + type), problem.toString());
        assertEquals(status, problem.getInt("status"));
    }
}
