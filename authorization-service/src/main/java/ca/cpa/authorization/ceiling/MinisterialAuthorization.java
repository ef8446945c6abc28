package ca.cpa.authorization.ceiling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A Ministerial Authorization: how many CPA personnel may be deployed to a mission at once.
 * A mission's authorizations are numbered from 1; the highest number is in force.
 */
@Entity
@Table(name = "ministerial_authorization")
public class MinisterialAuthorization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mission_id", nullable = false)
    public UUID missionId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public int ceiling;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Optional<MinisterialAuthorization> inForce(UUID missionId) {
        return find("missionId = ?1 order by number desc", missionId).firstResultOptional();
    }

    /** The ceiling in force; 0 before any authorization. */
    public static int ceilingInForce(UUID missionId) {
        return inForce(missionId).map(authorization -> authorization.ceiling).orElse(0);
    }

    /**
     * The mission's next authorization after {@code inForce} (numbered one higher, or 1 for the
     * first), in force from today. The caller holds the mission's lock while it is decided and
     * kept, so numbers never repeat.
     */
    public static MinisterialAuthorization succeeding(Optional<MinisterialAuthorization> inForce, UUID missionId,
                                                      int ceiling, UUID caseId) {
        MinisterialAuthorization authorization = new MinisterialAuthorization();
        authorization.id = UUID.randomUUID();
        authorization.missionId = missionId;
        authorization.number = inForce.map(previous -> previous.number + 1).orElse(1);
        authorization.ceiling = ceiling;
        authorization.effectiveDate = LocalDate.now(ZoneOffset.UTC);
        authorization.caseId = caseId;
        authorization.recordedAt = Instant.now();
        return authorization;
    }
}
