package ca.cpa.platform.domain;

/**
 * What was asked does not fit the state things are in: a limit reached (a ceiling, a course's
 * capacity), a duplicate, a step whose precondition does not hold.
 */
public class ConflictException extends DomainException {

    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }
}
