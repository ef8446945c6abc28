package ca.cpa.reporting.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HistoryImportStatus", description = "IMPORTED: every row is valid and kept; PARTIALLY_IMPORTED: with partial=true, the valid rows are kept and the invalid ones listed; CHECKED: a dry run, nothing kept")
public enum ImportStatus {
    IMPORTED, PARTIALLY_IMPORTED, CHECKED
}
