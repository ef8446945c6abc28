package ca.cpa.platform.domain;

/**
 * A step of a workflow asked of something in a status it cannot take that step from; the
 * message names the step or target and the status.
 */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(String code, Object... arguments) {
        super(code, arguments);
    }
}
