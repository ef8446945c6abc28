package ca.cpa.events.mission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of work Canadian police do on missions: a position's role, and an officer's specialties. */
@Schema(description = "The kind of police work asked for: training, mentoring and monitoring; elections support; human rights investigation; humanitarian response; community policing; management development; serious and organized crime; strategic analysis")
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
