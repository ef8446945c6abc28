package ca.cpa.authorization.cases;

import ca.cpa.events.authorization.Verdict;
import ca.cpa.platform.domain.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** One partner's decision on a case: approve or reject, why, who, when. */
@Embeddable
public class Decision {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    public String rationale;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    protected Decision() {
    }

    /** A partner's decision; a rejection must say why. */
    public static Decision of(Verdict verdict, String rationale, String decidedBy) {
        if (verdict == Verdict.REJECT && rationale == null) {
            throw new RuleViolationException("rationale", "case.rationale-required");
        }
        return new Decision(verdict, rationale, decidedBy);
    }

    private Decision(Verdict verdict, String rationale, String decidedBy) {
        this.verdict = verdict;
        this.rationale = rationale;
        this.decidedBy = decidedBy;
        this.decidedAt = Instant.now();
    }
}
