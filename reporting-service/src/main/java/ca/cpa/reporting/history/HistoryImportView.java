package ca.cpa.reporting.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "HistoryImport", description = "One import of a history file: what was read, kept, already known and refused, row by row")
public record HistoryImportView(
        @Schema(description = "Null for a dry run, which keeps nothing", nullable = true, maxLength = 36) UUID id,
        ImportStatus status,
        @Schema(description = "Rows after the header (blank lines are not counted)", example = "412") long rowsRead,
        @Schema(description = "Rows kept by this import (for a dry run: that it would keep)", example = "410") long rowsImported,
        @Schema(description = "Valid rows not kept because the same deployment (officer, mission, start) was imported before", example = "0") long rowsAlreadyImported,
        @Schema(description = "Invalid rows, each listed in errors (up to the first 1000 errors)", example = "2") long rowsRejected,
        @Schema(description = "What is wrong, by row and field, in the response's language", maxItems = 1000) List<RowError> errors,
        @Schema(description = "SHA-256 of the file as received, in hex", maxLength = 64, example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String contentSha256,
        @Schema(description = "Null for a dry run", nullable = true, maxLength = 35) Instant importedAt) {

    @Schema(name = "HistoryImportRowError")
    public record RowError(
            @Schema(description = "The row, 1 for the first after the header; 0 for the header itself", example = "12") long row,
            @Schema(description = "The column, or row for the row as a whole", example = "startDate", maxLength = 64) String field,
            @Schema(example = "must be a date, e.g. 2004-06-01", maxLength = 1000) String message) {
    }
}
