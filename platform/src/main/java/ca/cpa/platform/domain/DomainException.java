package ca.cpa.platform.domain;

/**
 * A rule of the domain said no. Thrown by entities and value objects, which know nothing of
 * HTTP or Kafka: the REST layer answers it as a problem document, the inbox sets the event
 * that caused it aside. Its code is stable (clients and tests may rely on it) and is also the
 * key of its message in the service's {@code cpa-messages} bundles.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;

    protected DomainException(String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + java.util.Arrays.toString(arguments)));
        this.code = code;
        this.arguments = arguments;
    }

    /** The stable code of what went wrong, e.g. {@code deployment.ceiling-reached}; the key of its message. */
    public String code() {
        return code;
    }

    /** The values the message names, in the order of its placeholders. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
