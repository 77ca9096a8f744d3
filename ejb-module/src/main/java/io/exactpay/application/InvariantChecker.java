package io.exactpay.application;

import java.util.List;

/** The money invariants (docs/money-invariants.md) checked over the whole database, for race tests, admins and the metric. */
public interface InvariantChecker {

    /** One broken money rule on one order. */
    record Violation(String rule, String orderId, String detail) {
    }

    List<Violation> violations();
}
