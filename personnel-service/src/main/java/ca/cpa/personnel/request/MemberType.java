package ca.cpa.personnel.request;

public enum MemberType {
    SWORN_OFFICER, CIVILIAN_MEMBER
}
