package ca.cpa.events.authorization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A partner's decision: APPROVE or REJECT (one rejection rejects the case)")
public enum Verdict {
    APPROVE, REJECT
}
