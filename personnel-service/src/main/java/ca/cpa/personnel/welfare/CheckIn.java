package ca.cpa.personnel.welfare;

import ca.cpa.events.personnel.ReturnReason;
import ca.cpa.events.personnel.WelfareAlert;
import ca.cpa.events.personnel.Wellbeing;
import ca.cpa.personnel.deployment.Deployment;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A welfare contact with a deployed officer: how the officer is doing. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "deployment_id", nullable = false)
    public UUID deploymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Wellbeing wellbeing;

    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * Records a contact with the officer of a deployment in theatre; an URGENT one raises a
     * welfare alert for those who must act.
     */
    public static ResultWithEvents<CheckIn> record(Deployment deployment, Wellbeing wellbeing, String notes,
                                                   String recordedBy) {
        if (!deployment.isInTheatre()) {
            throw new ConflictException("welfare.not-in-theatre", deployment.status);
        }
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.deploymentId = deployment.id;
        checkIn.wellbeing = wellbeing;
        checkIn.notes = notes;
        checkIn.recordedBy = recordedBy;
        checkIn.recordedAt = Instant.now();
        if (wellbeing != Wellbeing.URGENT) {
            return ResultWithEvents.of(checkIn);
        }
        return ResultWithEvents.of(checkIn, checkIn.alert(deployment));
    }

    /**
     * An officer came home before the end of the tour: recorded as an URGENT contact, which
     * raises a welfare alert as an urgent check-in does.
     */
    public static ResultWithEvents<CheckIn> earlyReturn(Deployment deployment, ReturnReason reason, String recordedBy) {
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.deploymentId = deployment.id;
        checkIn.wellbeing = Wellbeing.URGENT;
        checkIn.notes = "Early return: " + reason;
        checkIn.recordedBy = recordedBy;
        checkIn.recordedAt = Instant.now();
        return ResultWithEvents.of(checkIn, checkIn.alert(deployment));
    }

    private WelfareAlert alert(Deployment deployment) {
        return new WelfareAlert(deployment.id, id, deployment.officerId, deployment.missionId, wellbeing, recordedAt);
    }
}
