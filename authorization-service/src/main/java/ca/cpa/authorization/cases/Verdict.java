package ca.cpa.authorization.cases;

public enum Verdict {
    APPROVE, REJECT
}
