package ca.cpa.authorization.cases;

import ca.cpa.events.authorization.Partner;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;

import java.util.EnumSet;
import java.util.Set;

/** Who speaks for each CPA partner: its approvers, known by their token's role. */
final class Approvers {

    private Approvers() {
    }

    static String roleOf(Partner partner) {
        return switch (partner) {
            case GAC -> Roles.GAC_APPROVER;
            case PS -> Roles.PS_APPROVER;
            case RCMP -> Roles.RCMP_APPROVER;
        };
    }

    /** The partners the caller may decide for. */
    static Set<Partner> representedBy(Caller caller) {
        Set<Partner> partners = EnumSet.noneOf(Partner.class);
        for (Partner partner : Partner.values()) {
            if (caller.hasRole(roleOf(partner))) {
                partners.add(partner);
            }
        }
        return partners;
    }
}
