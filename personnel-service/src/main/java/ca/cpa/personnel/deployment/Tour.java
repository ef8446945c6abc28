package ca.cpa.personnel.deployment;

import ca.cpa.platform.domain.RuleViolationException;

import java.time.LocalDate;

/** The dates of a tour: it ends after it starts. */
public record Tour(LocalDate start, LocalDate end) {

    public Tour {
        if (!end.isAfter(start)) {
            throw new RuleViolationException("endDate", "deployment.ends-before-start");
        }
    }
}
