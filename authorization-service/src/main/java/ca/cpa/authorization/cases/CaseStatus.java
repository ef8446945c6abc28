package ca.cpa.authorization.cases;

public enum CaseStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN
}
