package ca.cpa.platform.domain;

/** No {@code resource} has this id (or the caller may not know that one exists). */
public class NotFoundException extends DomainException {

    public NotFoundException(String resource, Object id) {
        super("problem.not-found.detail", resource, id);
    }
}
