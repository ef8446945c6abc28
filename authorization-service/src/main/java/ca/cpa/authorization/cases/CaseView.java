package ca.cpa.authorization.cases;

import ca.cpa.events.authorization.CaseKind;
import ca.cpa.events.authorization.CaseStatus;
import ca.cpa.events.authorization.Partner;
import ca.cpa.events.authorization.Verdict;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "AuthorizationCase")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        UUID id,
        CaseKind kind,
        UUID missionId,
        @Schema(description = "The submitted request, for a DEPLOYMENT case") UUID missionRequestId,
        @Schema(description = "The ceiling proposed when the case opened", example = "12") int proposedCeiling,
        @Schema(description = "The ceiling in force when the case opened", example = "7") int ceilingAtOpening,
        @Schema(description = "The ceiling the approval put in force", example = "12") Integer grantedCeiling,
        @Schema(maxLength = 4000, example = "PROTEUS needs five more mentors for the 2027 elections.") String rationale,
        CaseStatus status,
        @Schema(description = "Pending longer than the allowed number of days", example = "false") boolean overdue,
        @Schema(maxLength = 200, description = "Token subject of the planner who opened it; the service itself for a DEPLOYMENT case", example = "jdoe@rcmp-grc.gc.ca") String openedBy,
        Instant openedAt,
        Instant closedAt,
        @Schema(maxItems = 3) List<DecisionView> decisions,
        @Schema(description = "The version also sent as ETag", example = "4") long version) {

    @Schema(name = "Decision")
    public record DecisionView(Partner partner, Verdict decision,
                               @Schema(maxLength = 4000, nullable = true, description = "Required for a rejection only",
                                       example = "Within the program cap; Global Affairs supports it.") String rationale,
                               @Schema(description = "Token subject of the approver", maxLength = 200, example = "jdoe@rcmp-grc.gc.ca") String decidedBy,
                               Instant decidedAt) {
    }

    static CaseView of(AuthorizationCase authorizationCase, boolean overdue) {
        List<DecisionView> decisions = authorizationCase.decisions.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new DecisionView(entry.getKey(), entry.getValue().verdict, entry.getValue().rationale,
                        entry.getValue().decidedBy, entry.getValue().decidedAt))
                .toList();
        return new CaseView(authorizationCase.id, authorizationCase.kind, authorizationCase.missionId,
                authorizationCase.missionRequestId, authorizationCase.proposedCeiling,
                authorizationCase.ceilingAtOpening, authorizationCase.grantedCeiling, authorizationCase.rationale,
                authorizationCase.status, overdue, authorizationCase.openedBy, authorizationCase.openedAt,
                authorizationCase.closedAt, decisions, authorizationCase.version);
    }
}
