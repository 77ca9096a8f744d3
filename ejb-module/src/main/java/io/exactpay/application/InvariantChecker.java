package io.exactpay.application;

import java.util.List;

/** DESIGN.md section 2 checked over the whole database, for race tests, admins and the metric. */
public interface InvariantChecker {

    /** One broken money rule on one order. */
    record Violation(String rule, String orderId, String detail) {
    }

    List<Violation> violations();
}
