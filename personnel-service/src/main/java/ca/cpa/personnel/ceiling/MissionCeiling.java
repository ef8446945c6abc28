package ca.cpa.personnel.ceiling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The ceiling in force for a mission, from the latest Ministerial Authorization granted. */
@Entity
@Table(name = "mission_ceiling")
public class MissionCeiling extends PanacheEntityBase {

    @Id
    @Column(name = "mission_id")
    public UUID missionId;

    @Column(nullable = false)
    public int ceiling;

    @Column(name = "authorization_number", nullable = false)
    public int authorizationNumber;

    /** Takes authorization {@code number}, unless a later one is already in force. */
    public static void apply(UUID missionId, int ceiling, int number) {
        MissionCeiling known = findById(missionId);
        if (known == null) {
            known = new MissionCeiling();
            known.missionId = missionId;
            known.ceiling = ceiling;
            known.authorizationNumber = number;
            known.persist();
        } else if (number > known.authorizationNumber) {
            known.ceiling = ceiling;
            known.authorizationNumber = number;
        }
    }

    /** The ceiling in force; 0, so no deployment, before any authorization. */
    public static int of(UUID missionId) {
        MissionCeiling known = findById(missionId);
        return known == null ? 0 : known.ceiling;
    }
}
