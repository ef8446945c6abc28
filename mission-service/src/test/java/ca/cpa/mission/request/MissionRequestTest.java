package ca.cpa.mission.request;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.MissionRequestFulfilled;
import ca.cpa.events.mission.MissionRequestSubmitted;
import ca.cpa.events.mission.MissionRequestWithdrawn;
import ca.cpa.events.mission.OrganizationType;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.events.mission.RequestStatus;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The request's status machine, without HTTP or a database. */
class MissionRequestTest {

    private static MissionRequest received() {
        return MissionRequest.receive(UUID.randomUUID(),
                new RequestingOrganization(OrganizationType.UNITED_NATIONS, "UN-DPO", null),
                List.of(new RequestedPosition(PositionRole.ELECTIONS_SUPPORT, 2, List.of("fr"), 3, MemberType.SWORN_OFFICER),
                        new RequestedPosition(PositionRole.STRATEGIC_ANALYSIS, 1, List.of("en"), 0, MemberType.CIVILIAN_MEMBER)),
                6, "Elections", "partner").result();
    }

    private static MissionRequest authorized() {
        MissionRequest request = received();
        request.assess(Assessment.RiskLevel.HIGH, Assessment.Recommendation.PROCEED, null, "planner");
        request.submit("planner", "MINUSTAH");
        request.authorize(UUID.randomUUID(), Instant.now());
        return request;
    }

    @Test
    void submissionNeedsAProceedAssessment() {
        MissionRequest request = received();
        assertThrows(ConflictException.class, () -> request.submit("planner", "MINUSTAH"));
        request.assess(Assessment.RiskLevel.EXTREME, Assessment.Recommendation.DO_NOT_PROCEED, null, "planner");
        assertThrows(ConflictException.class, () -> request.submit("planner", "MINUSTAH"));
        request.assess(Assessment.RiskLevel.MODERATE, Assessment.Recommendation.PROCEED, "revised", "planner");
        request.submit("planner", "MINUSTAH");
        assertEquals(RequestStatus.SUBMITTED, request.status);
        assertThrows(ConflictException.class,
                () -> request.assess(Assessment.RiskLevel.LOW, Assessment.Recommendation.PROCEED, null, "planner"));
    }

    @Test
    void onlyASubmittedRequestIsDecided() {
        MissionRequest request = received();
        assertThrows(ConflictException.class, () -> request.authorize(UUID.randomUUID(), Instant.now()));
        assertThrows(ConflictException.class, () -> request.decline(UUID.randomUUID(), Instant.now()));
        assertEquals(RequestStatus.RECEIVED, request.status);
    }

    @Test
    void aDecisionDoesNotReviveAWithdrawnRequest() {
        MissionRequest request = received();
        request.assess(Assessment.RiskLevel.LOW, Assessment.Recommendation.PROCEED, null, "planner");
        request.submit("planner", "MINUSTAH");
        MissionRequestWithdrawn withdrawn = (MissionRequestWithdrawn) request.withdraw("no longer needed", "partner").get(0);
        assertEquals(RequestStatus.SUBMITTED, withdrawn.previousStatus());
        assertEquals("no longer needed", withdrawn.reason());
        assertFalse(request.authorize(UUID.randomUUID(), Instant.now()));
        assertEquals(RequestStatus.WITHDRAWN, request.status);
    }

    @Test
    void fulfilledOnlyWhenEveryPlaceOfEveryPositionIsInTheatre() {
        MissionRequest request = authorized();
        assertEquals(List.of(), request.recordInTheatre(Map.of(PositionRole.ELECTIONS_SUPPORT, 2)));
        assertEquals(List.of(), request.recordInTheatre(
                Map.of(PositionRole.ELECTIONS_SUPPORT, 1, PositionRole.STRATEGIC_ANALYSIS, 1)));
        List<IntegrationEvent> fulfilment = request.recordInTheatre(
                Map.of(PositionRole.ELECTIONS_SUPPORT, 2, PositionRole.STRATEGIC_ANALYSIS, 1));
        assertEquals(List.of(new MissionRequestFulfilled(request.id, request.missionId, 3, request.fulfilledAt)),
                fulfilment);
        assertEquals(RequestStatus.FULFILLED, request.status);
        assertThrows(ConflictException.class, () -> request.withdraw("late", "planner"));
        assertEquals(3, request.totalPositions());
    }

    @Test
    void declinedAndWithdrawnRequestsCannotBeWithdrawn() {
        MissionRequest declined = received();
        declined.assess(Assessment.RiskLevel.LOW, Assessment.Recommendation.PROCEED, null, "planner");
        declined.submit("planner", "MINUSTAH");
        declined.decline(UUID.randomUUID(), Instant.now());
        assertThrows(ConflictException.class, () -> declined.withdraw("x", "planner"));

        MissionRequest withdrawn = received();
        withdrawn.withdraw("x", "partner");
        assertThrows(ConflictException.class, () -> withdrawn.withdraw("again", "partner"));
    }

    @Test
    void submissionAnnouncesEverythingTheOtherServicesNeed() {
        MissionRequest request = received();
        request.assess(Assessment.RiskLevel.LOW, Assessment.Recommendation.PROCEED, null, "planner");
        MissionRequestSubmitted submitted = (MissionRequestSubmitted) request.submit("planner", "MINUSTAH").get(0);
        assertEquals(request.id, submitted.missionRequestId());
        assertEquals("MINUSTAH", submitted.missionCode());
        assertEquals(3, submitted.totalPositions());
        assertEquals(2, submitted.positions().size());
        assertEquals("UN-DPO", submitted.requestingOrganization().name());
        assertEquals(6, submitted.durationMonths());
    }

    @Test
    void aRequestAsksForEachRoleOnce() {
        RuleViolationException refused = assertThrows(RuleViolationException.class, () -> MissionRequest.receive(
                UUID.randomUUID(), new RequestingOrganization(OrganizationType.UNITED_NATIONS, "UN-DPO", null),
                List.of(new RequestedPosition(PositionRole.ELECTIONS_SUPPORT, 2, List.of("fr"), 3, MemberType.SWORN_OFFICER),
                        new RequestedPosition(PositionRole.ELECTIONS_SUPPORT, 1, List.of("en"), 0, MemberType.SWORN_OFFICER)),
                6, "Elections", "partner"));
        assertEquals("positions", refused.field());
    }

    @Test
    void aCountryNamesItsCountry() {
        assertEquals("requestingOrganization.country", assertThrows(RuleViolationException.class,
                () -> new RequestingOrganization(OrganizationType.COUNTRY, "USSC", null)).field());
        assertEquals("PS", new RequestingOrganization(OrganizationType.COUNTRY, "USSC", "PS").country);
    }
}
