package ca.cpa.webhook.subscription;

import ca.cpa.events.authorization.CaseOpened;
import ca.cpa.events.authorization.DecisionRecorded;
import ca.cpa.events.authorization.Denied;
import ca.cpa.events.authorization.Granted;
import ca.cpa.events.mission.MissionCreated;
import ca.cpa.events.mission.MissionMandateChanged;
import ca.cpa.events.mission.MissionRequestFulfilled;
import ca.cpa.events.mission.MissionRequestReceived;
import ca.cpa.events.mission.MissionRequestSubmitted;
import ca.cpa.events.mission.MissionRequestWithdrawn;
import ca.cpa.events.mission.MissionStatusChanged;
import ca.cpa.events.personnel.CandidateSelected;
import ca.cpa.events.personnel.DeploymentCancelled;
import ca.cpa.events.personnel.DeploymentEnded;
import ca.cpa.events.personnel.DeploymentExtended;
import ca.cpa.events.personnel.DeploymentPlanned;
import ca.cpa.events.personnel.DeploymentStarted;
import ca.cpa.events.personnel.TrainingCompleted;
import ca.cpa.events.personnel.WelfareAlert;

import java.util.Set;
import java.util.TreeSet;

/**
 * The event types a subscription may name, and those a requesting partner may: the life of its
 * own requests (received, submitted, withdrawn, fulfilled) and their outcome (the authorization
 * granted or denied). The CPA partners' deliberations (cases, each partner's decision) and the
 * RCMP's work with officers (candidacies, training, deployments, welfare) are not a partner's.
 */
public final class EventCatalog {

    public static final Set<String> PARTNER_TYPES = Set.of(MissionRequestReceived.TYPE, MissionRequestSubmitted.TYPE,
            MissionRequestWithdrawn.TYPE, MissionRequestFulfilled.TYPE, Granted.TYPE, Denied.TYPE);

    public static final Set<String> ALL_TYPES = Set.copyOf(new TreeSet<>(Set.of(
            MissionCreated.TYPE, MissionStatusChanged.TYPE, MissionMandateChanged.TYPE,
            MissionRequestReceived.TYPE, MissionRequestSubmitted.TYPE, MissionRequestWithdrawn.TYPE,
            MissionRequestFulfilled.TYPE,
            CaseOpened.TYPE, DecisionRecorded.TYPE, Granted.TYPE, Denied.TYPE,
            CandidateSelected.TYPE, TrainingCompleted.TYPE, DeploymentPlanned.TYPE, DeploymentStarted.TYPE,
            DeploymentExtended.TYPE, DeploymentEnded.TYPE, DeploymentCancelled.TYPE, WelfareAlert.TYPE)));

    private EventCatalog() {
    }

    /** The known types, sorted, as a message names them. */
    public static String listed(Set<String> types) {
        return String.join(", ", new TreeSet<>(types));
    }
}
