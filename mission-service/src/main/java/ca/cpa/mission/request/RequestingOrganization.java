package ca.cpa.mission.request;

import ca.cpa.events.mission.OrganizationType;
import ca.cpa.platform.domain.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Who asks for Canadian police: the UN, a country, or a regional organization. */
@Embeddable
public class RequestingOrganization {

    @Enumerated(EnumType.STRING)
    @Column(name = "organization_type", nullable = false)
    public OrganizationType type;

    /** The organization's identifier, as the {@code org} claim of its partners' tokens names it. */
    @Column(name = "organization_name", nullable = false)
    public String name;

    @Column(name = "organization_country")
    public String country;

    protected RequestingOrganization() {
    }

    /** A country asks through its government, so it names its country. */
    public RequestingOrganization(OrganizationType type, String name, String country) {
        if (type == OrganizationType.COUNTRY && country == null) {
            throw new RuleViolationException("requestingOrganization.country", "mission-request.country-required");
        }
        this.type = type;
        this.name = name;
        this.country = country;
    }
}
