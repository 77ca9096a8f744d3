package io.exactpay.application.channel;

/** Why a callback was refused. Nothing is stored for a refused callback. */
public enum RejectionReason {
    OVERSIZED_BODY,
    MISSING_HEADER,
    STALE_TIMESTAMP,
    UNKNOWN_KEY_SERIAL,
    BAD_SIGNATURE,
    REPLAYED_NONCE,
    UNDECRYPTABLE,
    MALFORMED,
    WRONG_MERCHANT,
    WRONG_APP,
    UNKNOWN_TRADE,
    UNKNOWN_REFUND,
    AMOUNT_MISMATCH,
    CURRENCY_MISMATCH
}
