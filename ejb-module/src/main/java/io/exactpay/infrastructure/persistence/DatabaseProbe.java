package io.exactpay.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The database as the application uses it: through JPA, in a container transaction. Readiness asks
 * here, so a server reports ready only once a transaction has gone through (the transaction
 * service and its recovery start with the first one).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DatabaseProbe {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    /** The number of schema migrations applied. */
    public long migrationsApplied() {
        return ((Number) em.createNativeQuery("select count(*) from flyway_schema_history").getSingleResult())
                .longValue();
    }
}
