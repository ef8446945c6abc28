package ca.cpa.events.mission;

/** Who asked for police: named by the requesting partner's token, never by the request's body. */
public record Organization(OrganizationType type, String name, String country) {
}
