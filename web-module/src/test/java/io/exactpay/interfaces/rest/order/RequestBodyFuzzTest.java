package io.exactpay.interfaces.rest.order;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.exactpay.domain.model.order.OrderAmountRule;
import io.exactpay.interfaces.rest.problem.ProblemException;

/**
 * Fuzzes the API's request binding (Jazzer): the order body, read and validated as
 * {@code POST /api/v1/orders} does, and the cancel body. Every body a client can send is either a
 * request or a 400 validation problem with a reason; anything else (another status, another
 * exception) would be a 500 for the caller. {@code mvn verify} runs the seeds in
 * {@code RequestBodyFuzzTestInputs} (the catalog's bodies) and then fuzzes for {@code fuzz.seconds}.
 */
class RequestBodyFuzzTest {

    private static final OrderAmountRule AMOUNTS = new OrderAmountRule(100_000_000L);

    @FuzzTest(maxDuration = "2m")
    void everyBodyIsARequestOrA400WithAReason(FuzzedDataProvider data) {
        byte[] body = data.consumeRemainingAsBytes();
        try {
            CreateOrderRequest order = CreateOrderRequest.parse(body);
            order.validate(AMOUNTS);
            if (order.amountMinor() <= 0) throw new AssertionError("an order of no money was taken");
        } catch (ProblemException refused) {
            requireValidation(refused);
        }
        try {
            CancelResource.CancelRequest.parse(body);
        } catch (ProblemException refused) {
            requireValidation(refused);
        }
    }

    private static void requireValidation(ProblemException refused) {
        if (refused.problem().status() != 400 || !"validation".equals(refused.problem().type())
                || refused.problem().detail() == null || refused.problem().detail().isBlank()) {
            throw new AssertionError("refused without a 400 and a reason: " + refused.problem());
        }
    }
}
