package ca.cpa.mission.mission;

public enum MissionType {
    UN_PEACE_OPERATION, BILATERAL, REGIONAL_ORGANIZATION
}
