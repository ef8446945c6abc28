package ca.cpa.authorization.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;

import java.util.EnumSet;
import java.util.Set;

/** The three CPA partners; each decides through its own approvers. */
@Schema(description = "The CPA partners who decide together: GAC (Global Affairs Canada), PS (Public Safety Canada), RCMP")
public enum Partner {
    GAC(Roles.GAC_APPROVER), PS(Roles.PS_APPROVER), RCMP(Roles.RCMP_APPROVER);

    private final String approverRole;

    Partner(String approverRole) {
        this.approverRole = approverRole;
    }

    public String approverRole() {
        return approverRole;
    }

    /** The partners the caller may speak for, by its approver roles. */
    public static Set<Partner> representedBy(Caller caller) {
        Set<Partner> partners = EnumSet.noneOf(Partner.class);
        for (Partner partner : values()) {
            if (caller.hasRole(partner.approverRole)) {
                partners.add(partner);
            }
        }
        return partners;
    }
}
