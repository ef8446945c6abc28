package ca.cpa.personnel.deployment;

import ca.cpa.personnel.candidacy.TourCommitments;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Answers candidacies' questions from the deployments: a PLANNED or IN_THEATRE one commits the officer. */
@ApplicationScoped
class ActiveTours implements TourCommitments {

    @Override
    public boolean hasActiveTour(UUID officerId) {
        return Deployment.isActive(officerId);
    }

    @Override
    public boolean isDeployed(UUID candidacyId) {
        return Deployment.count("candidacyId = ?1 and status != ?2", candidacyId, Deployment.Status.CANCELLED) > 0;
    }
}
