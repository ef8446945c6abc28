package ca.cpa.platform.security;

import java.util.Set;

/** The roles of the public contract, as they appear in a token's {@code groups} claim. */
public final class Roles {

    public static final String REQUESTING_PARTNER = "requesting-partner";
    public static final String MISSION_PLANNER = "mission-planner";
    public static final String GAC_APPROVER = "gac-approver";
    public static final String PS_APPROVER = "ps-approver";
    public static final String RCMP_APPROVER = "rcmp-approver";
    public static final String PERSONNEL_OFFICER = "personnel-officer";
    public static final String AUDITOR = "auditor";

    /** The roles of the CPA partners' own staff, as opposed to requesting partners. */
    public static final Set<String> CPA_STAFF = Set.of(MISSION_PLANNER, GAC_APPROVER, PS_APPROVER, RCMP_APPROVER,
            PERSONNEL_OFFICER, AUDITOR);

    private Roles() {
    }
}
