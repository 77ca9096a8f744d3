package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.infrastructure.channel.AttemptLookup;
import io.exactpay.infrastructure.channel.ChannelAmount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** What the callback checks compare a channel's claim with: our own record of the attempt. */
@ApplicationScoped
public class JpaAttemptLookup implements AttemptLookup {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public Optional<KnownAttempt> attempt(Channel channel, String outTradeNo) {
        return em.createQuery("select a from PaymentAttempt a where a.channel = :channel and a.outTradeNo = :no",
                        PaymentAttempt.class)
                .setParameter("channel", channel).setParameter("no", outTradeNo)
                .getResultStream().findFirst()
                .map(a -> new KnownAttempt(channel, outTradeNo,
                        new ChannelAmount(a.amount().minorUnits(), a.amount().currency())));
    }

    /** No refund is recorded by ExactPay yet, so a refund notice names nothing we know. */
    @Override
    public Optional<KnownRefund> refund(Channel channel, String outRefundNo) {
        return Optional.empty();
    }
}
