package ca.cpa.authorization.cases;

import ca.cpa.platform.events.IntegrationEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What authorization-service announces on {@code cpa.authorization.events}; the subject is the case. */
public final class CaseEvents {

    private CaseEvents() {
    }

    public record CaseOpened(UUID caseId, CaseKind kind, UUID missionId, UUID missionRequestId, int proposedCeiling,
                             int ceilingInForce, Instant openedAt) implements IntegrationEvent {
        static CaseOpened of(AuthorizationCase opened) {
            return new CaseOpened(opened.id, opened.kind, opened.missionId, opened.missionRequestId,
                    opened.proposedCeiling, opened.ceilingAtOpening, opened.openedAt);
        }

        @Override
        public String eventType() {
            return "ca.cpa.authorization.case-opened.v1";
        }

        @Override
        public String subject() {
            return caseId.toString();
        }
    }

    /** A partner decided; the rationale and the person stay in the case, not in the event. */
    public record DecisionRecorded(UUID caseId, UUID missionId, Partner partner, Verdict decision,
                                   CaseStatus caseStatus, Instant decidedAt) implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.authorization.decision-recorded.v1";
        }

        @Override
        public String subject() {
            return caseId.toString();
        }
    }

    /**
     * All three partners approved: a new Ministerial Authorization is in force. Its number
     * orders a mission's authorizations, whatever order their events arrive in.
     */
    public record Granted(UUID caseId, CaseKind kind, UUID missionId, UUID missionRequestId, int newCeiling,
                          int previousCeiling, int authorizationNumber, LocalDate effectiveDate, Instant grantedAt)
            implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.authorization.granted.v1";
        }

        @Override
        public String subject() {
            return caseId.toString();
        }
    }

    public record Denied(UUID caseId, CaseKind kind, UUID missionId, UUID missionRequestId, Partner rejectedBy,
                         Instant deniedAt) implements IntegrationEvent {
        @Override
        public String eventType() {
            return "ca.cpa.authorization.denied.v1";
        }

        @Override
        public String subject() {
            return caseId.toString();
        }
    }
}
