package ca.cpa.webhook.inbound;

import ca.cpa.platform.inbox.EventHandler;
import ca.cpa.platform.inbox.EventHandlers;
import ca.cpa.webhook.subscription.EventCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Every event type a subscription may name, consumed through the inbox (once per {@code ce_id})
 * with its data kept as sent: a partner receives every field the producer wrote, known to this
 * service or not.
 */
@ApplicationScoped
public class InboundEventHandlers implements EventHandlers {

    @Inject
    Fanout fanout;

    @Override
    public List<EventHandler<?>> handlers() {
        return EventCatalog.ALL_TYPES.stream()
                .<EventHandler<?>>map(type -> EventHandler.of(type, JsonNode.class, fanout::record))
                .toList();
    }
}
