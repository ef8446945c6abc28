package ca.cpa.authorization.cases;

import ca.cpa.events.authorization.CaseKind;
import ca.cpa.events.authorization.Partner;
import ca.cpa.events.authorization.Verdict;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** The bodies clients send about authorization cases. */
public final class CasePayloads {

    private CasePayloads() {
    }

    @Schema(name = "NewCeilingAmendment", description = "A proposal to change a mission's ceiling, decided like any case")
    public record NewCeilingAmendment(
            @Schema(description = "Only CEILING_AMENDMENT: deployment cases open when a request is submitted")
            @NotNull CaseKind kind,
            @NotNull UUID missionId,
            @Schema(example = "12") @NotNull @Min(0) @Max(10000) Integer proposedCeiling,
            @Schema(example = "The USSC asked for five more advisers for Operation PROTEUS.")
            @NotBlank @Size(max = 4000) String rationale) {
    }

    @Schema(name = "NewDecision", description = "One partner's decision; the partner must be the caller's own")
    public record NewDecision(
            @NotNull Partner partner,
            @NotNull Verdict decision,
            @Schema(description = "Required to reject", example = "Consistent with Canada's commitments in the region.")
            @Size(max = 4000) String rationale) {
    }
}
