package io.exactpay.domain.model.order;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderAmountRuleTest {

    private final OrderAmountRule rule = new OrderAmountRule(10_000);

    @Test
    void onlyCnyUpToTheCeilingMayBeAskedFor() {
        assertEquals(Optional.empty(), rule.refusal(1, "CNY"));
        assertEquals(Optional.empty(), rule.refusal(10_000, "CNY"));
        assertTrue(rule.refusal(10_001, "CNY").orElseThrow().contains("10000"));
        assertTrue(rule.refusal(100, "USD").orElseThrow().contains("CNY"));
        assertTrue(rule.refusal(100, "cny").isPresent());
        assertTrue(rule.refusal(100, null).isPresent());
    }
}
