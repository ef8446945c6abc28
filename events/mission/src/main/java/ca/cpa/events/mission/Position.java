package ca.cpa.events.mission;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Officers a request asks for in one role: how many, speaking what, with how much service. */
public record Position(
        @NotNull PositionRole role,
        @NotNull @Min(1) Integer count,
        @NotNull List<String> languages,
        @NotNull @Min(0) Integer minYearsOfService,
        @NotNull MemberType memberType) {
}
