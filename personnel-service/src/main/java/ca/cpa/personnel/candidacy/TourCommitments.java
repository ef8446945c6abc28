package ca.cpa.personnel.candidacy;

import java.util.UUID;

/**
 * Whether an officer is already committed to a tour (planned or in theatre), which screening
 * must know. Declared here and answered by the deployments, so that candidacies do not depend
 * on deployments, which depend on them.
 */
public interface TourCommitments {

    boolean hasActiveTour(UUID officerId);
}
