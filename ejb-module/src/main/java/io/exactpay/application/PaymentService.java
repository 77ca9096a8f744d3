package io.exactpay.application;

import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderNotPayableException;
import io.exactpay.domain.model.payment.Channel;

import java.util.List;
import java.util.UUID;

/** Payment attempts: opening a trade on a channel for an order, so that the payer can pay it. */
public interface PaymentService {

    /**
     * Writes the attempt down, asks the channel to open the trade (no lock held meanwhile) and
     * records the answer. A channel that does not answer leaves the attempt OPENING, to be settled
     * by a query; {@link ChannelUnavailableException} says so.
     */
    AttemptView startPayment(String clientId, UUID orderId, Channel channel)
            throws OrderNotFoundException, OrderNotPayableException, ChannelUnavailableException;

    List<AttemptView> attempts(UUID orderId);
}
