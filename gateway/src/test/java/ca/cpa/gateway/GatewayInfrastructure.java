package ca.cpa.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The stand-in services for every test of this module, and so one start of the gateway. */
@WithTestResource(value = StubServices.class, scope = TestResourceScope.GLOBAL)
public final class GatewayInfrastructure {

    private GatewayInfrastructure() {
    }
}
