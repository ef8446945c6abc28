package ca.cpa.personnel.request;

/** The kinds of work on missions: a position's role, and an officer's specialties. */
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
