package ca.cpa.authorization.ceiling;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "MinisterialAuthorization", description = "A mission's ceiling, and whether it is the one in force")
public record MinisterialAuthorizationView(
        UUID id,
        UUID missionId,
        @Schema(description = "The mission's authorizations counted from 1; the highest is in force", example = "2")
        int number,
        @Schema(description = "Most CPA personnel deployed to the mission at once", example = "12") int ceiling,
        LocalDate effectiveDate,
        @Schema(description = "The case that authorized it") UUID caseId,
        @Schema(example = "true") boolean inForce,
        Instant recordedAt) {
}
