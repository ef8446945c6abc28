package ca.cpa.events.authorization;

import ca.cpa.platform.core.events.IntegrationEvent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * All three partners approved: a new Ministerial Authorization is in force. Its number
 * orders a mission's authorizations, so that one granted before another never overrides it,
 * whatever order their events arrive in. {@code missionRequestId} is null for a ceiling
 * amendment.
 */
public record Granted(@NotNull UUID caseId, CaseKind kind, @NotNull UUID missionId, UUID missionRequestId,
                      @NotNull @Min(0) Integer newCeiling, Integer previousCeiling,
                      @NotNull @Min(1) Integer authorizationNumber, LocalDate effectiveDate, Instant grantedAt)
        implements IntegrationEvent {

    public static final String TYPE = "ca.cpa.authorization.granted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return caseId.toString();
    }
}
