package ca.cpa.e2e;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every API status the end-to-end tests saw, as "METHOD /path STATUS": checked against the document at the end. */
final class ObservedStatuses implements Filter {

    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        String path = URI.create(request.getURI()).getPath();
        if (path.startsWith("/api/")) {
            SEEN.add(request.getMethod() + " " + path + " " + answer.statusCode());
        }
        return answer;
    }
}
