package io.exactpay.infrastructure.persistence;

import io.exactpay.application.IdempotencyKeyInUseException;
import io.exactpay.application.IdempotentRequest;
import io.exactpay.application.RecordedResponse;
import io.exactpay.application.internal.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys in a table whose primary key (client, key) decides who runs: PostgreSQL makes
 * an insert of a key that another transaction inserted wait for that transaction, then either
 * skip it (committed) or insert it (rolled back).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaIdempotencyKeys implements IdempotencyKeys {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "exactpay.db.lock-timeout-ms", defaultValue = "5000")
    private long lockTimeoutMs;

    @Override
    public boolean take(IdempotentRequest request, Instant now) throws IdempotencyKeyInUseException {
        // PostgreSQL has no per-statement lock wait; bound this transaction's waits instead.
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
                .setParameter(1, lockTimeoutMs + "ms")
                .getSingleResult();
        try {
            return em.createNativeQuery("insert into idempotency_key (client_id, idempotency_key, fingerprint, created_at)"
                            + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, request.clientId())
                    .setParameter(2, request.key())
                    .setParameter(3, request.fingerprint())
                    .setParameter(4, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate() == 1;
        } catch (PersistenceException e) {
            if (LockTimeout.isCauseOf(e)) throw new IdempotencyKeyInUseException(request.key());
            throw e;
        }
    }

    @Override
    public void record(IdempotentRequest request, RecordedResponse response) {
        int updated = em.createNativeQuery("update idempotency_key set response_status = ?1, response_location = ?2,"
                        + " response_type = ?3, response_body = ?4 where client_id = ?5 and idempotency_key = ?6")
                .setParameter(1, response.status())
                .setParameter(2, response.location())
                .setParameter(3, response.contentType())
                .setParameter(4, response.body())
                .setParameter(5, request.clientId())
                .setParameter(6, request.key())
                .executeUpdate();
        if (updated != 1) throw new IllegalStateException("Idempotency-Key " + request.key() + " was not taken");
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Earlier> find(String clientId, String key) {
        List<?> rows = em.createNativeQuery("select fingerprint, response_status, response_location, response_type,"
                        + " response_body from idempotency_key where client_id = ?1 and idempotency_key = ?2")
                .setParameter(1, clientId)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) return Optional.empty();
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Earlier((String) row[0], new RecordedResponse(((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], (String) row[4])));
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return em.createNativeQuery("delete from idempotency_key where created_at < ?1")
                .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
