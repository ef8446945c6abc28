package ca.cpa.platform.problem;

import ca.cpa.platform.core.problem.Problem;

import java.util.List;

/**
 * An error of the HTTP exchange itself that a client can act on (a token, a header, a query
 * parameter, the caller's rights), answered as a problem document. The title and detail are
 * message keys, looked up in English or French when the response is written. What the domain
 * refuses is a {@code DomainException} instead.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String detailKey;
    private final transient Object[] detailArguments;
    private final List<Problem.FieldError> errors;

    /**
     * @param status the HTTP status
     * @param kind the problem kind: the last part of its type URI and the key of its title
     * @param detailKey the message key of the detail, or null for none
     */
    public ProblemException(int status, String kind, String detailKey, Object... detailArguments) {
        this(status, kind, List.of(), detailKey, detailArguments);
    }

    public ProblemException(int status, String kind, List<Problem.FieldError> errors, String detailKey,
                            Object... detailArguments) {
        super(kind + (detailKey == null ? "" : ": " + detailKey));
        this.status = status;
        this.kind = kind;
        this.detailKey = detailKey;
        this.detailArguments = detailArguments;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArguments() {
        return detailArguments;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** 403: the caller's role or organization does not allow this. */
    public static ProblemException forbidden(String detailKey, Object... arguments) {
        return new ProblemException(403, "forbidden", detailKey, arguments);
    }

    /** 400 on one field, with a message key for the field's message. */
    public static ProblemException invalidField(String field, String messageKey, Object... arguments) {
        return new InvalidFieldProblem(field, messageKey, arguments);
    }

    /** 400 whose field messages are still keys; they are localized when written. */
    public static final class InvalidFieldProblem extends ProblemException {
        private final String field;
        private final String messageKey;
        private final transient Object[] messageArguments;

        InvalidFieldProblem(String field, String messageKey, Object[] messageArguments) {
            super(400, "invalid-request", List.of(), "problem.invalid-request.detail", 1);
            this.field = field;
            this.messageKey = messageKey;
            this.messageArguments = messageArguments;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] messageArguments() {
            return messageArguments;
        }
    }
}
