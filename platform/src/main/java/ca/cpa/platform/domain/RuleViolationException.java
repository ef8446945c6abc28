package ca.cpa.platform.domain;

/**
 * A value the rules do not allow, blamed on one field of what was asked (an end before a
 * start, an unknown reference): the caller must change that field.
 */
public class RuleViolationException extends DomainException {

    private final String field;

    public RuleViolationException(String field, String code, Object... arguments) {
        super(code, arguments);
        this.field = field;
    }

    /** The field to change, as the client named it, e.g. {@code endDate} or {@code positions}. */
    public String field() {
        return field;
    }
}
