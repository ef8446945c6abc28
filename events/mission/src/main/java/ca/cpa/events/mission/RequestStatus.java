package ca.cpa.events.mission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RECEIVED → ASSESSED → SUBMITTED → AUTHORIZED or DECLINED; AUTHORIZED → FULFILLED;
 * WITHDRAWN from any state before FULFILLED or DECLINED.
 */
@Schema(description = "RECEIVED → ASSESSED → SUBMITTED → AUTHORIZED or DECLINED; AUTHORIZED → FULFILLED once every position has an officer in theatre; WITHDRAWN from any state before FULFILLED or DECLINED")
public enum RequestStatus {
    RECEIVED, ASSESSED, SUBMITTED, AUTHORIZED, DECLINED, FULFILLED, WITHDRAWN
}
