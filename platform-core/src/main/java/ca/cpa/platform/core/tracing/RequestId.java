package ca.cpa.platform.core.tracing;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} of a call: the client's own when it sent a sensible one, else one
 * made at the first hop. It is passed on to the services and returned with the response.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private RequestId() {
    }

    public static String acceptOrGenerate(String header) {
        return header != null && ACCEPTABLE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
