package ca.cpa.platform.core.tracing;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} of a call: the client's own when it sent a sensible one, else one
 * made at the first hop. It is passed on to the services, returned with the response and
 * written in every log line of the call ({@link #LOG_KEY}).
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The log context (MDC) key; log formats name it {@code %X{requestId}}. */
    public static final String LOG_KEY = "requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private RequestId() {
    }

    public static String acceptOrGenerate(String header) {
        return header != null && ACCEPTABLE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
