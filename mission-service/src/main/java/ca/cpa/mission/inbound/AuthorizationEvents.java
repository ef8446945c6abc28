package ca.cpa.mission.inbound;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.UUID;

/** The data of authorization-service's events, as far as mission-service reads it. */
public final class AuthorizationEvents {

    public static final String GRANTED = "ca.cpa.authorization.granted.v1";
    public static final String DENIED = "ca.cpa.authorization.denied.v1";

    private AuthorizationEvents() {
    }

    /**
     * A case was approved by GAC, PS and the RCMP: the mission's new ceiling takes effect.
     * {@code authorizationNumber} counts the mission's Ministerial Authorizations, so that one
     * granted before another never overrides it, whatever order the two arrive in.
     * {@code missionRequestId} is null for a ceiling amendment.
     */
    public record Granted(@NotNull UUID caseId, @NotNull UUID missionId, UUID missionRequestId,
                          @NotNull @Min(0) Integer newCeiling, @NotNull @Min(1) Integer authorizationNumber,
                          LocalDate effectiveDate) {
    }

    /** A case was rejected by one of the partners. */
    public record Denied(@NotNull UUID caseId, @NotNull UUID missionId, UUID missionRequestId) {
    }
}
