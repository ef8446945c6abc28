package ca.cpa.reporting.program;

import ca.cpa.events.authorization.Granted;
import ca.cpa.events.mission.MissionCreated;
import ca.cpa.events.mission.MissionStatusChanged;
import ca.cpa.events.personnel.DeploymentCancelled;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentExtended;
import ca.cpa.events.personnel.DeploymentPlanned;
import ca.cpa.events.personnel.DeploymentStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Keeps the Program's live figures from the events, one upsert per event, in the inbox's
 * transaction. Events of one aggregate arrive in order (one key, one partition), but those of
 * different topics do not: a deployment may be reported before its mission is, and ceilings
 * granted in different cases may arrive in any order, so every write tolerates what has or
 * has not arrived yet.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProgramProjection {

    @Inject
    EntityManager entityManager;

    public void missionCreated(MissionCreated mission) {
        entityManager.createNativeQuery("""
                        INSERT INTO reported_mission (mission_id, code, host_country, status) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (mission_id) DO UPDATE
                        SET code = excluded.code, host_country = excluded.host_country, status = excluded.status""")
                .setParameter(1, mission.missionId())
                .setParameter(2, mission.code())
                .setParameter(3, mission.hostCountry())
                .setParameter(4, mission.status().name())
                .executeUpdate();
    }

    public void missionStatusChanged(MissionStatusChanged change) {
        entityManager.createNativeQuery("""
                        INSERT INTO reported_mission (mission_id, code, status) VALUES (?1, ?2, ?3)
                        ON CONFLICT (mission_id) DO UPDATE SET status = excluded.status""")
                .setParameter(1, change.missionId())
                .setParameter(2, change.code())
                .setParameter(3, change.status().name())
                .executeUpdate();
    }

    public void ceilingGranted(Granted granted) {
        entityManager.createNativeQuery("""
                        INSERT INTO reported_mission (mission_id, authorized_ceiling, authorization_number)
                        VALUES (?1, ?2, ?3)
                        ON CONFLICT (mission_id) DO UPDATE
                        SET authorized_ceiling = excluded.authorized_ceiling,
                            authorization_number = excluded.authorization_number
                        WHERE reported_mission.authorization_number IS NULL
                           OR reported_mission.authorization_number < excluded.authorization_number""")
                .setParameter(1, granted.missionId())
                .setParameter(2, granted.newCeiling())
                .setParameter(3, granted.authorizationNumber())
                .executeUpdate();
    }

    public void deploymentPlanned(DeploymentPlanned planned) {
        entityManager.createNativeQuery("""
                        INSERT INTO reported_deployment (deployment_id, officer_id, mission_id, police_service_code,
                                                         member_type, status, start_date, end_date)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'PLANNED', ?6, ?7)
                        ON CONFLICT (deployment_id) DO NOTHING""")
                .setParameter(1, planned.deploymentId())
                .setParameter(2, planned.officerId())
                .setParameter(3, planned.missionId())
                .setParameter(4, planned.policeServiceCode())
                .setParameter(5, planned.memberType() == null ? null : planned.memberType().name())
                .setParameter(6, planned.startDate())
                .setParameter(7, planned.endDate())
                .executeUpdate();
    }

    public void deploymentStarted(DeploymentStarted started) {
        entityManager.createNativeQuery("""
                        INSERT INTO reported_deployment (deployment_id, officer_id, mission_id, status, arrival_date,
                                                         end_date)
                        VALUES (?1, ?2, ?3, 'IN_THEATRE', ?4, ?5)
                        ON CONFLICT (deployment_id) DO UPDATE
                        SET status = 'IN_THEATRE', arrival_date = excluded.arrival_date, end_date = excluded.end_date""")
                .setParameter(1, started.deploymentId())
                .setParameter(2, started.officerId())
                .setParameter(3, started.missionId())
                .setParameter(4, started.arrivalDate())
                .setParameter(5, started.endDate())
                .executeUpdate();
    }

    public void deploymentExtended(DeploymentExtended extended) {
        entityManager.createNativeQuery("UPDATE reported_deployment SET end_date = ?2 WHERE deployment_id = ?1")
                .setParameter(1, extended.deploymentId())
                .setParameter(2, extended.endDate())
                .executeUpdate();
    }

    public void deploymentEnded(DeploymentEnded ended) {
        entityManager.createNativeQuery("""
                        UPDATE reported_deployment SET status = 'COMPLETED', return_date = ?2 WHERE deployment_id = ?1""")
                .setParameter(1, ended.deploymentId())
                .setParameter(2, ended.returnDate())
                .executeUpdate();
    }

    public void deploymentCancelled(DeploymentCancelled cancelled) {
        entityManager.createNativeQuery("UPDATE reported_deployment SET status = 'CANCELLED' WHERE deployment_id = ?1")
                .setParameter(1, cancelled.deploymentId())
                .executeUpdate();
    }

    /** The figures now include one more event, which happened at {@code time} (null: not known). */
    public void includeUpTo(Instant time) {
        entityManager.createNativeQuery("""
                        UPDATE read_model_position
                        SET last_event_at = greatest(last_event_at, ?1), events_applied = events_applied + 1
                        WHERE id = 1""")
                .setParameter(1, time)
                .executeUpdate();
    }
}
