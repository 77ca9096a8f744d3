package io.exactpay.application;

import jakarta.ejb.ApplicationException;

/**
 * The channel is not configured, or did not answer: the attempt (if one was written down) stays
 * OPENING and is settled later by a query at the channel; retrying is safe.
 */
@ApplicationException(rollback = false)
public class ChannelUnavailableException extends Exception {

    private final transient AttemptView attempt;

    public ChannelUnavailableException(String message, AttemptView attempt) {
        super(message);
        this.attempt = attempt;
    }

    /** The attempt left OPENING, or null when none was written down. */
    public AttemptView attempt() {
        return attempt;
    }
}
