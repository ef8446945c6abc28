package ca.cpa.mission.request;

/**
 * RECEIVED → ASSESSED → SUBMITTED → AUTHORIZED or DECLINED; AUTHORIZED → FULFILLED;
 * WITHDRAWN from any state before FULFILLED or DECLINED.
 */
public enum RequestStatus {
    RECEIVED, ASSESSED, SUBMITTED, AUTHORIZED, DECLINED, FULFILLED, WITHDRAWN;

    public boolean isWithdrawable() {
        return this == RECEIVED || this == ASSESSED || this == SUBMITTED || this == AUTHORIZED;
    }
}
