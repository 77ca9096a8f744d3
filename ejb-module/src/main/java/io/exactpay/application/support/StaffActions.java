package io.exactpay.application.support;

import java.util.List;
import java.util.UUID;

/**
 * The staff audit trail: what a person did that is not a change of an order (a webhook sent again,
 * a dead letter replayed or discarded). Written in the transaction of the action itself, so an
 * action that rolls back leaves no line, and a line is never missing for one that committed.
 */
public interface StaffActions {

    /** Joins the caller's transaction; there must be one. */
    void record(String actor, String action, String subject, UUID orderId, String detail);

    List<StaffActionView> forOrder(UUID orderId);

    /** Newest first. */
    List<StaffActionView> recent(int limit);
}
