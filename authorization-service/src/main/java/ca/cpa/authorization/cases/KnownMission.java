package ca.cpa.authorization.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.util.Optional;
import java.util.UUID;

/**
 * A mission as mission-service's events made it known here. Its row is also the lock that
 * puts one mission's Ministerial Authorizations in a single order.
 */
@Entity
@Table(name = "known_mission")
public class KnownMission extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    /** Records the mission, or its code when it was known without one. */
    public static void remember(UUID id, String code) {
        KnownMission mission = findById(id);
        if (mission == null) {
            mission = new KnownMission();
            mission.id = id;
            mission.code = code;
            mission.persistAndFlush();
        } else if (mission.code == null && code != null) {
            mission.code = code;
        }
    }

    public static Optional<KnownMission> lock(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
