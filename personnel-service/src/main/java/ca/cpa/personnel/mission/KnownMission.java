package ca.cpa.personnel.mission;

import ca.cpa.events.mission.MissionStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A mission as mission-service's events made it known here: whether officers may deploy to it
 * now, and when its mandate ends. One mission's events arrive in order (one key, one partition).
 */
@Entity
@Table(name = "known_mission")
public class KnownMission extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MissionStatus status;

    @Column(name = "mandate_end")
    public LocalDate mandateEnd;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The mission, or a new record of it: a mission heard of for the first time is taken as PLANNED. */
    public static KnownMission remember(UUID id, String code) {
        KnownMission mission = findById(id);
        if (mission == null) {
            mission = new KnownMission();
            mission.id = id;
            mission.status = MissionStatus.PLANNED;
            mission.updatedAt = Instant.now();
            mission.persist();
        }
        if (code != null) {
            mission.code = code;
        }
        return mission;
    }

    /**
     * Whether officers may be planned for or arrive on a mission in this status: not while it is
     * SUSPENDED, never once it is CLOSED. A mission not heard of (its creation came before this
     * service kept missions) is taken as open.
     */
    public static boolean isOpenForDeployments(MissionStatus status) {
        return status != MissionStatus.SUSPENDED && status != MissionStatus.CLOSED;
    }

    public void moveTo(MissionStatus next) {
        status = next;
        updatedAt = Instant.now();
    }

    public void mandateEndsOn(LocalDate end) {
        mandateEnd = end;
        updatedAt = Instant.now();
    }
}
