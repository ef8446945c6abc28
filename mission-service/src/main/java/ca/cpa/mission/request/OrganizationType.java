package ca.cpa.mission.request;

public enum OrganizationType {
    UNITED_NATIONS, COUNTRY, REGIONAL_ORGANIZATION
}
