package io.exactpay.messaging.contract;

/** A message that can never be processed as sent: it goes to the dead-letter address at once. */
public class MalformedMessageException extends Exception {

    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
