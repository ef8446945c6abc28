package ca.cpa.platform.problem;

import ca.cpa.platform.core.problem.Messages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Locale;

/** The language of a response, English or French, chosen by Accept-Language, and announced. */
public final class RequestLocale {

    private RequestLocale() {
    }

    public static Locale of(ContainerRequestContext request) {
        try {
            return Messages.preferred(request.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            return Messages.ENGLISH;
        }
    }

    /** Every response says which language its texts are in. */
    public static class ContentLanguageFilter {
        @ServerResponseFilter
        public void announce(ContainerRequestContext request, ContainerResponseContext response) {
            if (!response.getHeaders().containsKey(HttpHeaders.CONTENT_LANGUAGE)) {
                response.getHeaders().put(HttpHeaders.CONTENT_LANGUAGE, List.of(of(request).getLanguage()));
            }
        }
    }
}
