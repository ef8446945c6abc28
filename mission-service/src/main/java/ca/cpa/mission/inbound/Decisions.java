package ca.cpa.mission.inbound;

import ca.cpa.mission.request.MissionRequest;
import ca.cpa.platform.inbox.UnprocessableEventException;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** Finds the request an authorization decision is about, or sets the event aside. */
final class Decisions {

    private Decisions() {
    }

    static MissionRequest requestOf(UUID missionRequestId, UUID missionId) {
        MissionRequest request = MissionRequest.findById(missionRequestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !request.missionId.equals(missionId)) {
            throw new UnprocessableEventException("decision for unknown request " + missionRequestId
                    + " of mission " + missionId);
        }
        return request;
    }
}
