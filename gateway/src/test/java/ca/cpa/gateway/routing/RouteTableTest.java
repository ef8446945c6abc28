package ca.cpa.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteTableTest {

    private final RouteTable<String> routes = new RouteTable<>(Map.of(
            "/api/v1/missions", "mission",
            "/api/v1/mission-requests/", "mission",
            "/api/v1/missions/special", "special"));

    @Test
    void aPrefixServesItselfAndWholeSegmentsBelowItTheLongestWinning() {
        assertEquals(Optional.of("mission"), routes.route("/api/v1/missions"));
        assertEquals(Optional.of("mission"), routes.route("/api/v1/missions/42/evaluations"));
        assertEquals(Optional.of("mission"), routes.route("/api/v1/mission-requests"));
        assertEquals(Optional.of("special"), routes.route("/api/v1/missions/special/1"));
        assertEquals(Optional.empty(), routes.route("/api/v1/missions-archive"));
        assertEquals(Optional.empty(), routes.route("/api/v1/mission"));
        assertEquals(Optional.empty(), routes.route("/"));
    }
}
