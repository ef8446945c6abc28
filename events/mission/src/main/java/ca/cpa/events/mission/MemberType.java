package ca.cpa.events.mission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "SWORN_OFFICER: a police officer; CIVILIAN_MEMBER: a civilian member of a police service")
public enum MemberType {
    SWORN_OFFICER, CIVILIAN_MEMBER
}
