package ca.cpa.personnel.request;

/** A request's status as far as selection cares: only an AUTHORIZED request takes candidates. */
public enum RequestStatus {
    SUBMITTED, AUTHORIZED, DECLINED, WITHDRAWN
}
