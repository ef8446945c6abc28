package ca.cpa.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CPA workflow end to end, only through the gateway and only with the roles of
 * CONTRACT.md: a UN request for the DRC from filing to fulfilment, and Op PROTEUS's ceiling
 * amendment and a declined request. Each test builds what it needs itself ({@link Workflows}).
 */
@ExtendWith(RunningSuite.class)
class WorkflowTest {

    @Test
    void aUnRequestForTheDrcIsAuthorizedByTheThreePartnersAndSetsTheCeilingEverywhere() {
        Workflows.drcRequestAuthorizedByTheThreePartners();
    }

    @Test
    void frenchSpeakingOfficersOfTwoPoliceServicesAreScreenedSelectedTrainedAndDeployedUpToTheCeiling() {
        Workflows.DrcRequest authorized = Workflows.drcRequestAuthorizedByTheThreePartners();
        Workflows.drcOfficersDeployedUpToTheCeiling(authorized);
    }

    @Test
    void proteusCeilingGoesFrom7To12ByDecisionOfAllThreeAndARejectedRequestIsDeclined() {
        Workflows.proteusCeilingGoesFrom7To12AndARejectedRequestIsDeclined();
    }
}
