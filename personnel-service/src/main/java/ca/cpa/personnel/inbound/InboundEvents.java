package ca.cpa.personnel.inbound;

import ca.cpa.personnel.request.MemberType;
import ca.cpa.personnel.request.PositionRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/** The data of the other services' events, as far as personnel-service reads it. */
public final class InboundEvents {

    public static final String REQUEST_SUBMITTED = "ca.cpa.mission-request.submitted.v1";
    public static final String REQUEST_WITHDRAWN = "ca.cpa.mission-request.withdrawn.v1";
    public static final String GRANTED = "ca.cpa.authorization.granted.v1";
    public static final String DENIED = "ca.cpa.authorization.denied.v1";

    private InboundEvents() {
    }

    public record Position(@NotNull PositionRole role, @NotNull @Min(1) Integer count, @NotNull List<String> languages,
                           @NotNull @Min(0) Integer minYearsOfService, @NotNull MemberType memberType) {
    }

    public record RequestSubmitted(@NotNull UUID missionRequestId, @NotNull UUID missionId,
                                   @NotNull @Min(1) Integer durationMonths,
                                   @NotEmpty List<@NotNull @Valid Position> positions) {
    }

    public record RequestWithdrawn(@NotNull UUID missionRequestId, @NotNull UUID missionId) {
    }

    public record Granted(@NotNull UUID missionId, UUID missionRequestId, @NotNull @Min(0) Integer newCeiling,
                          @NotNull @Min(1) Integer authorizationNumber) {
    }

    public record Denied(@NotNull UUID missionId, UUID missionRequestId) {
    }
}
