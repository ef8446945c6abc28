package ca.cpa.platform.inbox;

import java.util.List;

/**
 * Handlers made together rather than one bean each, e.g. one per type of a list: the inbox
 * reads a bean of this type as each of its handlers.
 */
public interface EventHandlers {

    List<EventHandler<?>> handlers();
}
