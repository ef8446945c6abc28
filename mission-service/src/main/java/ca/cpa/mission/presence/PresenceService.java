package ca.cpa.mission.presence;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.mission.missions.Mission;
import ca.cpa.mission.request.MissionRequest;
import ca.cpa.platform.inbox.UnprocessableEventException;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.persistence.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps each mission's deployed strength, and each request's filled positions, from the
 * deployments personnel-service reports. Counts are taken again from the deployments each
 * time rather than added to, so a late or repeated report cannot skew them; the mission row
 * is locked first so that concurrent reports for one mission count one after the other.
 */
@ApplicationScoped
public class PresenceService {

    @Inject
    Outbox outbox;

    @Inject
    RowLocks rowLocks;

    @Transactional(Transactional.TxType.MANDATORY)
    public void arrived(UUID deploymentId, UUID missionId, UUID missionRequestId, PositionRole role) {
        Mission mission = lockMission(missionId);
        if (TheatrePresence.findById(deploymentId) == null) {
            TheatrePresence.of(deploymentId, missionId, missionRequestId, role, true).persistAndFlush();
        }
        // A deployment already ended stays ended: its end was reported after its start.
        recount(mission, missionRequestId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void left(UUID deploymentId, UUID missionId, UUID missionRequestId, PositionRole role) {
        Mission mission = lockMission(missionId);
        TheatrePresence presence = TheatrePresence.findById(deploymentId);
        if (presence == null) {
            presence = TheatrePresence.of(deploymentId, missionId, missionRequestId, role, false);
            presence.persist();
        }
        presence.leave();
        TheatrePresence.flush();
        recount(mission, presence.missionRequestId);
    }

    private void recount(Mission mission, UUID missionRequestId) {
        mission.recordDeployedStrength((int) TheatrePresence.count("missionId = ?1 and inTheatre = true", mission.id));
        if (missionRequestId == null) {
            return;
        }
        MissionRequest request = rowLocks.lock(MissionRequest.class, missionRequestId)
                ? MissionRequest.findById(missionRequestId) : null;
        if (request == null || !request.missionId.equals(mission.id)) {
            throw new UnprocessableEventException("deployment names request " + missionRequestId
                    + " which is not a request for mission " + mission.id);
        }
        fillPositions(request);
    }

    /**
     * Counts the request's officers in theatre by role; an authorized request with every place
     * filled becomes FULFILLED. Also called when a request is authorized, since deployment
     * events travel on another topic than the decision and may arrive first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fillPositions(MissionRequest request) {
        UUID missionRequestId = request.id;
        List<Object[]> counts = TheatrePresence.getEntityManager().createQuery("""
                        select p.role, count(p) from TheatrePresence p
                        where p.missionRequestId = ?1 and p.inTheatre = true and p.role is not null
                        group by p.role""", Object[].class)
                .setParameter(1, missionRequestId)
                .getResultList();
        Map<PositionRole, Integer> byRole = new EnumMap<>(PositionRole.class);
        counts.forEach(row -> byRole.put((PositionRole) row[0], ((Number) row[1]).intValue()));
        outbox.publish(request.recordInTheatre(byRole));
    }

    private static Mission lockMission(UUID missionId) {
        Mission mission = Mission.findById(missionId, LockModeType.PESSIMISTIC_WRITE);
        if (mission == null) {
            throw new UnprocessableEventException("deployment names unknown mission " + missionId);
        }
        return mission;
    }
}
