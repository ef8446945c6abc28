package ca.cpa.webhook;

import ca.cpa.testing.CpaInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** One real Kafka broker and one real PostgreSQL database for every test of this module. */
@WithTestResource(value = CpaInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "cpa_webhook_test"))
public final class WebhookServiceInfrastructure {

    private WebhookServiceInfrastructure() {
    }
}
