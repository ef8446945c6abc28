package ca.cpa.authorization.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "CaseHistoryEntry", description = "One action on a case: who, in which role, what, when, why")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseHistoryView(
        CaseHistoryEntry.Action action,
        @Schema(description = "Token subject of the person, or the service whose event caused it", example = "jdoe@rcmp-grc.gc.ca", maxLength = 200) String actor,
        @Schema(example = "rcmp-approver", maxLength = 40) String actorRole,
        @Schema(example = "RCMP", maxLength = 4, description = "GAC, PS or RCMP, for a decision") String partner,
        @Schema(example = "APPROVE", maxLength = 7, description = "APPROVE or REJECT, for a decision") String decision,
        @Schema(maxLength = 4000, example = "Within the program cap; Global Affairs supports it.") String rationale,
        Instant at) {

    static CaseHistoryView of(CaseHistoryEntry entry) {
        return new CaseHistoryView(entry.action, entry.actor, entry.actorRole, entry.partner, entry.verdict,
                entry.rationale, entry.at);
    }
}
