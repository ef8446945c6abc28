package ca.cpa.mission.presence;

import ca.cpa.events.mission.PositionRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One deployment as personnel-service reports it: is its officer in theatre now? No personal data. */
@Entity
@Table(name = "theatre_presence")
public class TheatrePresence extends PanacheEntityBase {

    @Id
    @Column(name = "deployment_id")
    public UUID deploymentId;

    @Column(name = "mission_id", nullable = false)
    public UUID missionId;

    @Column(name = "mission_request_id")
    public UUID missionRequestId;

    @Enumerated(EnumType.STRING)
    public PositionRole role;

    @Column(name = "in_theatre", nullable = false)
    public boolean inTheatre;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static TheatrePresence of(UUID deploymentId, UUID missionId, UUID missionRequestId, PositionRole role,
                              boolean inTheatre) {
        TheatrePresence presence = new TheatrePresence();
        presence.deploymentId = deploymentId;
        presence.missionId = missionId;
        presence.missionRequestId = missionRequestId;
        presence.role = role;
        presence.inTheatre = inTheatre;
        presence.updatedAt = Instant.now();
        return presence;
    }

    void leave() {
        inTheatre = false;
        updatedAt = Instant.now();
    }
}
