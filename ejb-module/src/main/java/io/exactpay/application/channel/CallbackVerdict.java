package io.exactpay.application.channel;

/**
 * The result of checking one callback: accepted with exactly one verified message, verified but
 * carrying nothing to act on, or rejected with a reason. Each carries the channel's own reply.
 */
public sealed interface CallbackVerdict {

    CallbackReply reply();

    /** Passed every check: hand {@code message} to settlement, then send {@code reply}. */
    record Accepted(VerifiedMessage message, CallbackReply reply) implements CallbackVerdict {
    }

    /** Authentic, but about something ExactPay does not act on (e.g. Alipay's WAIT_BUYER_PAY); store nothing. */
    record Ignored(String why, CallbackReply reply) implements CallbackVerdict {
    }

    /** Failed a check: store nothing and answer with the channel's failure body. */
    record Rejected(RejectionReason reason, String detail, CallbackReply reply) implements CallbackVerdict {
    }
}
