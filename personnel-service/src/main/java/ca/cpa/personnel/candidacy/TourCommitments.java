package ca.cpa.personnel.candidacy;

import java.util.UUID;

/**
 * What candidacies must know of tours: whether an officer is committed to one (planned or in
 * theatre) and whether a candidacy became one. Declared here and answered by the deployments,
 * so that candidacies do not depend on deployments, which depend on them.
 */
public interface TourCommitments {

    boolean hasActiveTour(UUID officerId);

    /** Whether the candidacy has a deployment that was not cancelled. */
    boolean isDeployed(UUID candidacyId);
}
