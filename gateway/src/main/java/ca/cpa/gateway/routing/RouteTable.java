package ca.cpa.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service serves a path: the one with the longest prefix that is the path itself or a
 * whole segment of it ({@code /api/v1/missions} serves {@code /api/v1/missions/42} but not
 * {@code /api/v1/missions-archive}).
 */
public final class RouteTable<T> {

    private record Route<T>(String prefix, T target) {
    }

    private final List<Route<T>> routes;

    public RouteTable(Map<String, T> targetsByPrefix) {
        this.routes = targetsByPrefix.entrySet().stream()
                .map(entry -> new Route<>(stripTrailingSlash(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparingInt((Route<T> route) -> route.prefix().length()).reversed())
                .toList();
    }

    public Optional<T> route(String path) {
        for (Route<T> route : routes) {
            if (path.startsWith(route.prefix())
                    && (path.length() == route.prefix().length() || path.charAt(route.prefix().length()) == '/')) {
                return Optional.of(route.target());
            }
        }
        return Optional.empty();
    }

    private static String stripTrailingSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
