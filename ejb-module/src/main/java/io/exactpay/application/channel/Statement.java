package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;
import java.time.LocalDate;
import java.util.List;

/** A channel's daily statement (bill), for reconciliation. The date is the channel's (Beijing) day. */
public record Statement(Channel channel, LocalDate date, List<StatementLine> lines) {

    public Statement {
        lines = List.copyOf(lines);
    }
}
