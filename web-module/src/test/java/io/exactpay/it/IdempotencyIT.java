package io.exactpay.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Idempotency-Key} on portal writes (docs/idempotency.md): a retry with the same key and
 * request gets the first success back and changes nothing; the key is kept in the write's own
 * transaction, so concurrent retries cannot both write and an error keeps no key.
 */
class IdempotencyIT {

    private static final String ORDERS = "/api/v1/orders";
    private static final String KEY = "Idempotency-Key";

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    private static HttpResponse<String> post(String path, String json, String key) throws Exception {
        return Api.post(path, json, Api.portalToken(Api.CLIENT), KEY, key);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstOrderBackAndPlacesNoOther() throws Exception {
        String no = "IDEM-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(ORDERS, Api.orderJson(no, 1999), key);
        HttpResponse<String> retry = post(ORDERS, Api.orderJson(no, 1999), key);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), retry.body());
        assertEquals(Api.json(first.body()), Api.json(retry.body()));
        assertEquals(first.headers().firstValue("Location").orElseThrow(), retry.headers().firstValue("Location").orElseThrow());
        assertTrue(retry.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));
        assertEquals(1, OrderDatabase.count("select count(*) from idempotency_key where client_id = ?"
                + " and idempotency_key = ? and response_status = 201", Api.CLIENT, key));
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        String no = "IDEM-" + UUID.randomUUID();
        assertEquals(201, post(ORDERS, Api.orderJson(no, 500), key).statusCode());

        HttpResponse<String> changed = post(ORDERS, Api.orderJson(no, 501), key);
        HttpResponse<String> elsewhere = post(ORDERS + "/" + UUID.randomUUID() + "/payments", "{\"channel\":\"ALIPAY\"}", key);

        assertProblem(422, "idempotency-conflict", changed);
        assertProblem(422, "idempotency-conflict", elsewhere);
        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));
    }

    @Test
    void eightConcurrentRequestsWithOneKeyPlaceOneOrderAndAllGetIt() throws Exception {
        String no = "IDEM-RACE-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        List<HttpResponse<String>> responses = concurrently(8, () -> post(ORDERS, Api.orderJson(no, 800), key));

        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));
        // Each one waited for the first and got its order; none ran again (that would be 409 order-exists).
        Set<String> ids = new java.util.HashSet<>();
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 409) {
                assertProblem(409, "idempotency-in-progress", response); // waited past the lock timeout
            } else {
                assertEquals(201, response.statusCode(), response.body());
                ids.add(Api.json(response.body()).getString("id"));
            }
        }
        assertEquals(1, ids.size(), responses.stream().map(HttpResponse::body).collect(Collectors.joining("\n")));
    }

    @Test
    void eightConcurrentPaymentStartsWithOneKeyOpenOneAttempt() throws Exception {
        String orderId = Api.placeOrder("IDEM-PAY-" + UUID.randomUUID(), 1200);
        String key = UUID.randomUUID().toString();
        String path = ORDERS + "/" + orderId + "/payments";

        List<HttpResponse<String>> responses = concurrently(8, () -> post(path, "{\"channel\":\"WECHAT_PAY\"}", key));
        HttpResponse<String> later = post(path, "{\"channel\":\"WECHAT_PAY\"}", key);

        assertEquals(1, OrderDatabase.count("select count(*) from payment_attempt where order_id = ?::uuid", orderId));
        Set<String> attempts = responses.stream().filter(r -> r.statusCode() == 201)
                .map(r -> Api.json(r.body()).getString("id")).collect(Collectors.toSet());
        assertEquals(1, attempts.size(), responses.stream().map(HttpResponse::body).collect(Collectors.joining("\n")));
        responses.stream().filter(r -> r.statusCode() != 201)
                .forEach(r -> assertProblem(409, "idempotency-in-progress", r));
        assertEquals(201, later.statusCode(), later.body());
        assertEquals(attempts.iterator().next(), Api.json(later.body()).getString("id"));
        assertEquals("true", later.headers().firstValue("Idempotent-Replayed").orElseThrow());
    }

    @Test
    void anErrorKeepsNoKeySoTheRetryRunsAgain() throws Exception {
        String no = "IDEM-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> invalid = post(ORDERS, "{\"merchantOrderNo\":\"" + no + "\",\"amount\":-1,"
                + "\"currency\":\"CNY\",\"subject\":\"x\"}", key);
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertEquals(0, OrderDatabase.count("select count(*) from idempotency_key where idempotency_key = ?", key));

        // Not a conflict with the failed body: the key was never kept.
        HttpResponse<String> corrected = post(ORDERS, Api.orderJson(no, 100), key);
        assertEquals(201, corrected.statusCode(), corrected.body());
        assertFalse(corrected.headers().firstValue("Idempotent-Replayed").isPresent());

        // A write that fails after taking the key (the merchant order number is in use) leaves none either.
        String otherKey = UUID.randomUUID().toString();
        assertProblem(409, "order-exists", post(ORDERS, Api.orderJson(no, 100), otherKey));
        assertEquals(0, OrderDatabase.count("select count(*) from idempotency_key where idempotency_key = ?", otherKey));
    }

    @Test
    void keysBelongToTheirClient() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Api.orderJson("IDEM-" + UUID.randomUUID(), 300);

        HttpResponse<String> mine = post(ORDERS, body, key);
        HttpResponse<String> theirs = Api.post(ORDERS, body, Api.portalToken("idem-other-" + UUID.randomUUID()), KEY, key);

        assertEquals(201, mine.statusCode(), mine.body());
        assertEquals(201, theirs.statusCode(), theirs.body());
        assertNotEquals(Api.json(mine.body()).getString("id"), Api.json(theirs.body()).getString("id"));
    }

    @Test
    void withoutAKeyWritesWorkAsBefore() throws Exception {
        String no = "IDEM-NOKEY-" + UUID.randomUUID();

        HttpResponse<String> created = Api.post(ORDERS, Api.orderJson(no, 100));
        HttpResponse<String> again = Api.post(ORDERS, Api.orderJson(no, 100));

        assertEquals(201, created.statusCode(), created.body());
        assertProblem(409, "order-exists", again);
        assertProblem(400, "validation", post(ORDERS, Api.orderJson(no, 100), "no spaces allowed"));
    }

    private static List<HttpResponse<String>> concurrently(int threads, Callable<HttpResponse<String>> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) responses.add(f.get());
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonObject problem = Api.json(response.body());
        assertTrue(problem.getString("type").endsWith("/" + type), problem.toString());
    }
}
