package ca.cpa.mission.missions;

import ca.cpa.platform.domain.RuleViolationException;

import java.time.LocalDate;

/** The period a mission's mandate covers; either end may be unknown, but it never ends before it starts. */
public record Mandate(LocalDate start, LocalDate end) {

    public Mandate {
        if (start != null && end != null && end.isBefore(start)) {
            throw new RuleViolationException("mandateEnd", "mission.mandate-ends-before-start");
        }
    }
}
