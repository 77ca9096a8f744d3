package io.exactpay.application;

/**
 * What ExactPay tells the outside world, in domain terms. Implementations send inside the
 * caller's transaction, so an event leaves only if the change that caused it commits.
 */
public interface ApplicationEvents {

    void orderCreated(OrderView order);
}
