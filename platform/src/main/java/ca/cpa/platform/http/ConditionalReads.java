package ca.cpa.platform.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional reads (RFC 9110, 13.1.2 and 15.4.5): a read whose answer carries an ETag that the
 * caller's If-None-Match names is answered 304 Not Modified, with that ETag and without a body,
 * so a caller that keeps what it read fetches it again only once it changed. Every read of every
 * service, whatever made its ETag (a version, a report's figures).
 */
public class ConditionalReads {

    @ServerResponseFilter
    public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (response.getStatus() != 200 || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return;
        }
        EntityTag current = response.getEntityTag();
        if (current == null || !ETags.namesCurrent(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), current)) {
            return;
        }
        response.setStatus(304);
        response.setEntity(null);
        // what described the body goes with it; ETag and the cache's headers stay
        response.getHeaders().keySet().removeIf(name -> name.regionMatches(true, 0, "Content-", 0, 8)
                && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LOCATION));
    }
}
