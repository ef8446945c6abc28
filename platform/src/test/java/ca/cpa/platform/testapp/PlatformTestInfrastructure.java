package ca.cpa.platform.testapp;

import ca.cpa.testing.CpaInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * One real Kafka broker and one real PostgreSQL database for every Quarkus test of the platform
 * module, and so one start of the test application.
 */
@WithTestResource(value = CpaInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "cpa_platform_test"))
public final class PlatformTestInfrastructure {

    private PlatformTestInfrastructure() {
    }
}
