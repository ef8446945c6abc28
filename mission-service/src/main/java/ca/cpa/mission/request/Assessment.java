package ca.cpa.mission.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/** A mission planner's assessment of a request: the risk, and whether to proceed. */
@Embeddable
public class Assessment {

    @Schema(description = "The planner's assessment of the mission's risk to officers: LOW, MODERATE, HIGH, EXTREME")
    public enum RiskLevel { LOW, MODERATE, HIGH, EXTREME }

    @Schema(description = "PROCEED (the request may be submitted) or DO_NOT_PROCEED")
    public enum Recommendation { PROCEED, DO_NOT_PROCEED }

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "recommendation")
    public Recommendation recommendation;

    @Column(name = "assessment_notes")
    public String notes;

    @Column(name = "assessed_by")
    public String assessedBy;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    protected Assessment() {
    }

    Assessment(RiskLevel riskLevel, Recommendation recommendation, String notes, String assessedBy) {
        this.riskLevel = riskLevel;
        this.recommendation = recommendation;
        this.notes = notes;
        this.assessedBy = assessedBy;
        this.assessedAt = Instant.now();
    }
}
