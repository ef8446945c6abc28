package ca.cpa.events.mission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "UN_PEACE_OPERATION: a United Nations peace operation; BILATERAL: with one country; REGIONAL_ORGANIZATION: under a regional organization")
public enum MissionType {
    UN_PEACE_OPERATION, BILATERAL, REGIONAL_ORGANIZATION
}
