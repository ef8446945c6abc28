package ca.cpa.e2e;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every API answer the end-to-end tests received: its status as "METHOD /path STATUS", the reads
 * that answered an ETag, and for each operation and status a few JSON bodies, checked against
 * the document at the end.
 */
final class ObservedStatuses implements Filter {

    /** A JSON body received, with where it came from. */
    record Body(String method, String path, int status, String contentType, String text) {
    }

    private static final int BODIES_PER_ANSWER = 5;
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    /** The reads ("GET /path") that answered an ETag. */
    static final Set<String> TAGGED_READS = ConcurrentHashMap.newKeySet();
    static final Map<String, List<Body>> BODIES = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getPath();
        if (path.startsWith("/api/")) {
            String seen = request.getMethod() + " " + path + " " + answer.statusCode();
            SEEN.add(seen);
            if (request.getMethod().equals("GET") && answer.header("ETag") != null) {
                TAGGED_READS.add("GET " + path);
            }
            String contentType = answer.contentType();
            if (contentType != null && contentType.contains("json")) {
                List<Body> bodies = BODIES.computeIfAbsent(request.getMethod() + " " + path.replaceAll("[0-9a-f-]{36}", "{}")
                        + " " + answer.statusCode(), key -> new CopyOnWriteArrayList<>());
                if (bodies.size() < BODIES_PER_ANSWER) {
                    bodies.add(new Body(request.getMethod(), path, answer.statusCode(), contentType, answer.asString()));
                }
            }
        }
        return answer;
    }
}
