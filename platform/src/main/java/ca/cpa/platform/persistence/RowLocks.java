package ca.cpa.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Takes an entity's row lock ({@code SELECT ... FOR UPDATE}) before the entity is read, so
 * that work on one aggregate happens one transaction after the other and each reads what the
 * previous one committed. Hibernate's own pessimistic lock on an entity with an eagerly
 * fetched collection locks after reading and then fails on a version that moved meanwhile;
 * taking the lock first avoids that.
 */
@ApplicationScoped
public class RowLocks {

    @Inject
    EntityManager entityManager;

    /** Locks the row of {@code type} with this id until the transaction ends; false when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lock(Class<?> type, UUID id) {
        String table = type.getAnnotation(Table.class).name();
        return !entityManager.createNativeQuery("SELECT 1 FROM " + table + " WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }
}
