package io.exactpay.legacy.contract;

/** An order's state at ExactPay, as replies and events report it. */
public enum OrderStatus { PENDING, PAID, CLOSING, CLOSED, REFUNDING, REFUNDED }
