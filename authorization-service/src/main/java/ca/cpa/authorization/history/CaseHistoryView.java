package ca.cpa.authorization.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "CaseHistoryEntry", description = "One action on a case: who, in which role, what, when, why")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseHistoryView(
        CaseHistoryEntry.Action action,
        @Schema(description = "Token subject of the person, or the service whose event caused it", example = "jdoe@rcmp-grc.gc.ca")
        String actor,
        @Schema(example = "rcmp-approver") String actorRole,
        @Schema(example = "RCMP") String partner,
        @Schema(example = "APPROVE") String decision,
        String rationale,
        Instant at) {

    static CaseHistoryView of(CaseHistoryEntry entry) {
        return new CaseHistoryView(entry.action, entry.actor, entry.actorRole, entry.partner, entry.verdict,
                entry.rationale, entry.at);
    }
}
