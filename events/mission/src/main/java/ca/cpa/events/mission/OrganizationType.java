package ca.cpa.events.mission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Who asks: UNITED_NATIONS, COUNTRY (a foreign government), REGIONAL_ORGANIZATION (e.g. the EU, the OSCE)")
public enum OrganizationType {
    UNITED_NATIONS, COUNTRY, REGIONAL_ORGANIZATION
}
