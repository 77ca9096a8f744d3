package io.exactpay.infrastructure.persistence;

import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.infrastructure.channel.AttemptLookup;
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

    @Override
    public Optional<KnownRefund> refund(Channel channel, String outRefundNo) {
        return em.createQuery("select r, a from Refund r, Capture c, PaymentAttempt a where r.outRefundNo = :no"
                        + " and c.id = r.captureId and a.id = c.attemptId and a.channel = :channel", Object[].class)
                .setParameter("no", outRefundNo).setParameter("channel", channel)
                .getResultStream().findFirst()
                .map(row -> {
                    Refund refund = (Refund) row[0];
                    PaymentAttempt attempt = (PaymentAttempt) row[1];
                    return new KnownRefund(channel, attempt.outTradeNo(), outRefundNo,
                            new ChannelAmount(refund.amount().minorUnits(), refund.amount().currency()));
                });
    }
}
