package ca.cpa.authorization.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One line of a case's audit trail. Written once; the database refuses to change or delete it. */
@Entity
@Immutable
@Table(name = "case_history")
public class CaseHistoryEntry extends PanacheEntityBase {

    @Schema(name = "CaseAction", description = "What happened to a case: OPENED, DECISION_RECORDED (a partner decided), APPROVED, REJECTED, WITHDRAWN")
    public enum Action { OPENED, DECISION_RECORDED, APPROVED, REJECTED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    /** The token subject of whoever acted, or the service whose event caused the action. */
    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public String partner;

    public String verdict;

    public String rationale;

    @Column(nullable = false)
    public Instant at;
}
