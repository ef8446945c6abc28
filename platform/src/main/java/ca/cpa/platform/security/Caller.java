package ca.cpa.platform.security;

import ca.cpa.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** Who is calling: the verified token's subject, roles and, for partners, organization. */
@RequestScoped
public class Caller {

    /** The claim naming a requesting partner's organization; never taken from a request body. */
    public static final String ORGANIZATION_CLAIM = "org";
    /** The longest subject or organization this suite records (as who acted, or who asked). */
    public static final int MAX_NAME_LENGTH = 200;

    @Inject
    JsonWebToken token;

    /** The token's subject; an issuer that sends none names the caller in upn or preferred_username. */
    public String subject() {
        return bounded(token.getSubject() != null ? token.getSubject() : token.getName());
    }

    public boolean hasRole(String role) {
        return token.getGroups().contains(role);
    }

    public boolean hasAnyRole(Set<String> roles) {
        return token.getGroups().stream().anyMatch(roles::contains);
    }

    public Optional<String> organization() {
        return Optional.ofNullable(token.<String>getClaim(ORGANIZATION_CLAIM)).filter(org -> !org.isBlank())
                .map(Caller::bounded);
    }

    /** A token naming its caller at greater length than the suite records is not one it accepts. */
    private static String bounded(String name) {
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new ProblemException(401, "unauthenticated", "problem.unauthenticated.detail");
        }
        return name;
    }
}
