package ca.cpa.mission.request;

public enum MemberType {
    SWORN_OFFICER, CIVILIAN_MEMBER
}
