package ca.cpa.events.authorization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "PENDING: awaiting decisions; APPROVED: all three approved, the ceiling took effect; REJECTED: a partner rejected it; WITHDRAWN: its request was withdrawn while pending")
public enum CaseStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN
}
