package ca.cpa.reporting.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Every deployment that took place in a span of years, imported and live: counts only. */
@Schema(name = "ProgramHistoryReport", description = "Deployments that began in the years from..to, imported and live; a live deployment counts from its arrival in theatre. Counts only.")
public record HistoryReport(
        @Schema(example = "1989") int from,
        @Schema(example = "2026") int to,
        @Schema(description = "Distinct officers (each counted once, whatever the number of their deployments)", example = "4012")
        long officersDeployed,
        @Schema(example = "5230") long deployments,
        @Schema(description = "Distinct host countries", example = "33") long countriesServed,
        @Schema(description = "Distinct missions, by code", example = "61") long missions,
        @Schema(description = "Every year from..to, in order, zero where none began", maxItems = 200) List<YearFigures> byYear,
        @Schema(description = "Host countries, most deployments first", maxItems = 300) List<CountryFigures> byCountry) {

    @Schema(name = "ProgramHistoryYear")
    public record YearFigures(
            @Schema(example = "2004") int year,
            @Schema(description = "Deployments that began this year", example = "212") long deployments,
            @Schema(description = "Distinct officers whose deployment began this year", example = "208") long officersDeployed,
            @Schema(description = "Distinct host countries of those deployments", example = "7") long countries) {
    }

    @Schema(name = "ProgramHistoryCountry")
    public record CountryFigures(
            @Schema(description = "ISO 3166-1 alpha-2; UNKNOWN while a live deployment's mission is not yet known", example = "HT", maxLength = 7)
            String country,
            long deployments) {
    }
}
