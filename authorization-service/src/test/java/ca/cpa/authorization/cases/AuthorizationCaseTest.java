package ca.cpa.authorization.cases;

import ca.cpa.authorization.ceiling.MinisterialAuthorization;
import ca.cpa.events.authorization.CaseOpened;
import ca.cpa.events.authorization.CaseStatus;
import ca.cpa.events.authorization.DecisionRecorded;
import ca.cpa.events.authorization.Denied;
import ca.cpa.events.authorization.Granted;
import ca.cpa.events.authorization.Partner;
import ca.cpa.events.authorization.Verdict;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tripartite vote and the ceiling it grants, without HTTP or a database. */
class AuthorizationCaseTest {

    private static final UUID PROTEUS = UUID.randomUUID();

    private static AuthorizationCase amendment(int from, int to) {
        return AuthorizationCase.forCeilingAmendment(PROTEUS, to, from, false, "Five more advisers for the USSC",
                "planner").result();
    }

    private static Optional<MinisterialAuthorization> inForce(int ceiling, int number) {
        MinisterialAuthorization authorization = MinisterialAuthorization.succeeding(Optional.empty(), PROTEUS, ceiling,
                UUID.randomUUID());
        authorization.number = number;
        return Optional.of(authorization);
    }

    private static AuthorizationCase.Decided approve(AuthorizationCase authorizationCase, Partner partner,
                                                     Optional<MinisterialAuthorization> inForce) {
        return authorizationCase.record(partner, Decision.of(Verdict.APPROVE, null, partner.name().toLowerCase()),
                inForce);
    }

    @Test
    void openingACaseAnnouncesItWithTheCeilingProposedAndTheOneInForce() {
        ResultWithEvents<AuthorizationCase> opened = AuthorizationCase.forDeployment(PROTEUS, UUID.randomUUID(), 7, 3,
                "/cpa/mission-service");
        assertEquals(CaseStatus.PENDING, opened.result().status);
        CaseOpened event = assertInstanceOf(CaseOpened.class, opened.events().get(0));
        assertEquals(10, event.proposedCeiling());
        assertEquals(7, event.ceilingInForce());
        assertEquals(opened.result().id.toString(), event.subject());
    }

    @Test
    void threeApprovalsApproveTheCaseAndGrantTheMissionsNextAuthorization() {
        AuthorizationCase proteus = amendment(7, 12);
        Optional<MinisterialAuthorization> seven = inForce(7, 1);
        assertEquals(List.of(DecisionRecorded.class), types(approve(proteus, Partner.GAC, seven).events()));
        assertEquals(List.of(DecisionRecorded.class), types(approve(proteus, Partner.PS, seven).events()));
        assertEquals(CaseStatus.PENDING, proteus.status);

        AuthorizationCase.Decided third = approve(proteus, Partner.RCMP, seven);

        assertEquals(CaseStatus.APPROVED, proteus.status);
        assertEquals(12, proteus.grantedCeiling);
        MinisterialAuthorization twelve = third.authorization().orElseThrow();
        assertEquals(12, twelve.ceiling);
        assertEquals(2, twelve.number);
        assertEquals(proteus.id, twelve.caseId);
        assertEquals(List.of(DecisionRecorded.class, Granted.class), types(third.events()));
        Granted granted = (Granted) third.events().get(1);
        assertEquals(12, granted.newCeiling());
        assertEquals(7, granted.previousCeiling());
        assertEquals(2, granted.authorizationNumber());
        assertEquals(CaseStatus.APPROVED, ((DecisionRecorded) third.events().get(0)).caseStatus());
    }

    @Test
    void oneRejectionRejectsTheCaseWhateverTheOthersSaid() {
        AuthorizationCase proteus = amendment(7, 12);
        approve(proteus, Partner.GAC, inForce(7, 1));
        approve(proteus, Partner.RCMP, inForce(7, 1));

        AuthorizationCase.Decided rejected = proteus.record(Partner.PS, Decision.of(Verdict.REJECT, "Not now", "ps"),
                inForce(7, 1));

        assertEquals(CaseStatus.REJECTED, proteus.status);
        assertTrue(rejected.authorization().isEmpty());
        assertNull(proteus.grantedCeiling);
        assertEquals(List.of(DecisionRecorded.class, Denied.class), types(rejected.events()));
        assertEquals(Partner.PS, ((Denied) rejected.events().get(1)).rejectedBy());
    }

    @Test
    void eachPartnerDecidesOnceAndNobodyDecidesAClosedCase() {
        AuthorizationCase proteus = amendment(7, 12);
        approve(proteus, Partner.GAC, inForce(7, 1));
        assertThrows(ConflictException.class, () -> approve(proteus, Partner.GAC, inForce(7, 1)));
        proteus.record(Partner.PS, Decision.of(Verdict.REJECT, "Not now", "ps"), inForce(7, 1));
        assertThrows(ConflictException.class, () -> approve(proteus, Partner.RCMP, inForce(7, 1)));
        AuthorizationCase withdrawn = amendment(7, 12);
        assertTrue(withdrawn.withdraw());
        assertThrows(ConflictException.class, () -> approve(withdrawn, Partner.RCMP, inForce(7, 1)));
    }

    @Test
    void aRejectionNeedsARationale() {
        RuleViolationException refused = assertThrows(RuleViolationException.class,
                () -> Decision.of(Verdict.REJECT, null, "gac"));
        assertEquals("rationale", refused.field());
        assertEquals(Verdict.APPROVE, Decision.of(Verdict.APPROVE, null, "gac").verdict);
    }

    @Test
    void aMissionHasOneAmendmentPendingAtATime() {
        ConflictException refused = assertThrows(ConflictException.class, () -> AuthorizationCase.forCeilingAmendment(
                PROTEUS, 12, 7, true, "Five more advisers for the USSC", "planner"));
        assertEquals("case.amendment-pending", refused.code());
    }

    @Test
    void anAmendmentSetsTheCeilingItProposedWhateverIsInForce() {
        AuthorizationCase proteus = amendment(7, 12);
        assertEquals(12, proteus.ceilingToGrant(7));
        assertEquals(12, proteus.ceilingToGrant(9));
        assertEquals(5, amendment(7, 5).ceilingToGrant(7));
    }

    @Test
    void aDeploymentAddsItsOfficersToTheCeilingInForceWhenItIsApproved() {
        // opened at 7 for 3 officers; another request's 2 were authorized meanwhile
        AuthorizationCase deployment = AuthorizationCase.forDeployment(PROTEUS, UUID.randomUUID(), 7, 3, "mission")
                .result();
        assertEquals(10, deployment.ceilingToGrant(7));
        assertEquals(12, deployment.ceilingToGrant(9));

        approve(deployment, Partner.GAC, inForce(9, 2));
        approve(deployment, Partner.PS, inForce(9, 2));
        MinisterialAuthorization granted = approve(deployment, Partner.RCMP, inForce(9, 2)).authorization().orElseThrow();
        assertEquals(12, granted.ceiling);
        assertEquals(3, granted.number);
    }

    @Test
    void theFirstAuthorizationOfAMissionIsNumberOne() {
        AuthorizationCase first = AuthorizationCase.forDeployment(PROTEUS, UUID.randomUUID(), 0, 4, "mission").result();
        approve(first, Partner.GAC, Optional.empty());
        approve(first, Partner.PS, Optional.empty());
        MinisterialAuthorization granted = approve(first, Partner.RCMP, Optional.empty()).authorization().orElseThrow();
        assertEquals(1, granted.number);
        assertEquals(4, granted.ceiling);
    }

    private static List<Class<?>> types(List<IntegrationEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }
}
