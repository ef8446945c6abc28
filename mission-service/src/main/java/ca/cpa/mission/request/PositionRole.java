package ca.cpa.mission.request;

/** The kinds of work Canadian police do on missions; also the officers' specialties. */
public enum PositionRole {
    TRAINING_MENTORING_MONITORING,
    ELECTIONS_SUPPORT,
    HUMAN_RIGHTS_INVESTIGATION,
    HUMANITARIAN_RESPONSE,
    COMMUNITY_POLICING,
    MANAGEMENT_DEVELOPMENT,
    SERIOUS_ORGANIZED_CRIME,
    STRATEGIC_ANALYSIS
}
