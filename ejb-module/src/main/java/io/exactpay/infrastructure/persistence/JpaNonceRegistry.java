package io.exactpay.infrastructure.persistence;

import io.exactpay.application.channel.NonceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Callback nonces in a table with a unique key, shared by every instance, written in the
 * transaction that accepts the callback (so a rejected or failed one leaves no trace).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaNonceRegistry implements NonceRegistry {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public boolean firstSeen(String scope, String nonce, Instant forgetAfter) {
        return em.createNativeQuery("insert into callback_nonce (scope, nonce, forget_after) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, scope)
                .setParameter(2, nonce)
                .setParameter(3, forgetAfter.atOffset(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    @Override
    public int forgetBefore(Instant cutoff, int batch) {
        return BatchDelete.rows(em, "callback_nonce", "select ctid from callback_nonce where forget_after < ?1",
                cutoff, batch);
    }
}
