package ca.cpa.platform.http;

import ca.cpa.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

/** Entity tags from a resource's version, the If-Match check of PUT and PATCH, and If-None-Match's of reads. */
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
     * Whether the If-None-Match header {@code ifNoneMatch} names {@code current} (RFC 9110,
     * 13.1.2): {@code *}, or a list of entity tags one of which has the same opaque tag, weak or
     * strong (the weak comparison). An absent or malformed header names nothing.
     */
    public static boolean namesCurrent(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null) {
            return false;
        }
        String header = ifNoneMatch.trim();
        if (header.equals("*")) {
            return true;
        }
        int at = 0;
        while (at < header.length()) {
            char next = header.charAt(at);
            if (next == ',' || next == ' ' || next == '\t') {
                at++;
                continue;
            }
            if (header.startsWith("W/", at)) {
                at += 2;
            }
            if (at >= header.length() || header.charAt(at) != '"') {
                return false;
            }
            int end = header.indexOf('"', at + 1);
            if (end < 0) {
                return false;
            }
            if (header.substring(at + 1, end).equals(current.getValue())) {
                return true;
            }
            at = end + 1;
        }
        return false;
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
