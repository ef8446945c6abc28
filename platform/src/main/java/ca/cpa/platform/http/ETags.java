package ca.cpa.platform.http;

import ca.cpa.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

/** Entity tags from a resource's version, and the If-Match check of PUT and PATCH. */
public final class ETags {

    private ETags() {
    }

    /** The one version of a resource that never changes once created. */
    public static final long UNCHANGING = 0;

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A read: 200 with the representation and the ETag of its version. */
    public static <T> RestResponse<T> ok(T representation, long version) {
        return RestResponse.ResponseBuilder.ok(representation).tag(of(version)).build();
    }

    /**
     * Passes when {@code ifMatch} is absent, {@code *}, or lists the current version;
     * otherwise the client changed a stale copy: 412.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "problem.precondition-failed.detail", current);
    }
}
