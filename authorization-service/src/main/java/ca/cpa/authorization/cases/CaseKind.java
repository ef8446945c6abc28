package ca.cpa.authorization.cases;

/** A DEPLOYMENT case decides a submitted mission request; a CEILING_AMENDMENT changes a mission's ceiling. */
public enum CaseKind {
    DEPLOYMENT, CEILING_AMENDMENT
}
