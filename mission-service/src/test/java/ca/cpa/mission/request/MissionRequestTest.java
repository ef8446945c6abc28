package ca.cpa.mission.request;

import ca.cpa.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request's status machine, without HTTP or a database. */
class MissionRequestTest {

    private static MissionRequest received() {
        return MissionRequest.receive(UUID.randomUUID(),
                new RequestingOrganization(OrganizationType.UNITED_NATIONS, "UN-DPO", null),
                List.of(new RequestedPosition(PositionRole.ELECTIONS_SUPPORT, 2, List.of("fr"), 3, MemberType.SWORN_OFFICER),
                        new RequestedPosition(PositionRole.STRATEGIC_ANALYSIS, 1, List.of("en"), 0, MemberType.CIVILIAN_MEMBER)),
                6, "Elections", "partner");
    }

    private static MissionRequest authorized() {
        MissionRequest request = received();
        request.assess(Assessment.RiskLevel.HIGH, Assessment.Recommendation.PROCEED, null, "planner");
        request.submit("planner");
        request.authorize(UUID.randomUUID(), Instant.now());
        return request;
    }

    @Test
    void submissionNeedsAProceedAssessment() {
        MissionRequest request = received();
        assertThrows(ProblemException.class, () -> request.submit("planner"));
        request.assess(Assessment.RiskLevel.EXTREME, Assessment.Recommendation.DO_NOT_PROCEED, null, "planner");
        assertThrows(ProblemException.class, () -> request.submit("planner"));
        request.assess(Assessment.RiskLevel.MODERATE, Assessment.Recommendation.PROCEED, "revised", "planner");
        request.submit("planner");
        assertEquals(RequestStatus.SUBMITTED, request.status);
        assertThrows(ProblemException.class,
                () -> request.assess(Assessment.RiskLevel.LOW, Assessment.Recommendation.PROCEED, null, "planner"));
    }

    @Test
    void onlyASubmittedRequestIsDecided() {
        MissionRequest request = received();
        assertThrows(ProblemException.class, () -> request.authorize(UUID.randomUUID(), Instant.now()));
        assertThrows(ProblemException.class, () -> request.decline(UUID.randomUUID(), Instant.now()));
        assertEquals(RequestStatus.RECEIVED, request.status);
    }

    @Test
    void aDecisionDoesNotReviveAWithdrawnRequest() {
        MissionRequest request = received();
        request.assess(Assessment.RiskLevel.LOW, Assessment.Recommendation.PROCEED, null, "planner");
        request.submit("planner");
        assertEquals(RequestStatus.SUBMITTED, request.withdraw("no longer needed", "partner"));
        assertFalse(request.authorize(UUID.randomUUID(), Instant.now()));
        assertEquals(RequestStatus.WITHDRAWN, request.status);
    }

    @Test
    void fulfilledOnlyWhenEveryPlaceOfEveryPositionIsInTheatre() {
        MissionRequest request = authorized();
        assertFalse(request.recordInTheatre(Map.of(PositionRole.ELECTIONS_SUPPORT, 2)));
        assertFalse(request.recordInTheatre(Map.of(PositionRole.ELECTIONS_SUPPORT, 1, PositionRole.STRATEGIC_ANALYSIS, 1)));
        assertTrue(request.recordInTheatre(Map.of(PositionRole.ELECTIONS_SUPPORT, 2, PositionRole.STRATEGIC_ANALYSIS, 1)));
        assertEquals(RequestStatus.FULFILLED, request.status);
        assertThrows(ProblemException.class, () -> request.withdraw("late", "planner"));
        assertEquals(3, request.totalPositions());
    }

    @Test
    void declinedAndWithdrawnRequestsCannotBeWithdrawn() {
        MissionRequest declined = received();
        declined.assess(Assessment.RiskLevel.LOW, Assessment.Recommendation.PROCEED, null, "planner");
        declined.submit("planner");
        declined.decline(UUID.randomUUID(), Instant.now());
        assertThrows(ProblemException.class, () -> declined.withdraw("x", "planner"));

        MissionRequest withdrawn = received();
        withdrawn.withdraw("x", "partner");
        assertThrows(ProblemException.class, () -> withdrawn.withdraw("again", "partner"));
    }
}
