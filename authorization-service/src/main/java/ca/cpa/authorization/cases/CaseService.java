package ca.cpa.authorization.cases;

import ca.cpa.authorization.cases.CasePayloads.NewCeilingAmendment;
import ca.cpa.authorization.cases.CasePayloads.NewDecision;
import ca.cpa.authorization.ceiling.MinisterialAuthorization;
import ca.cpa.authorization.history.CaseHistory;
import ca.cpa.authorization.history.CaseHistoryEntry.Action;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.persistence.RowLocks;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The tripartite decision. A case's row is locked while a decision is recorded, so decisions
 * arriving together are taken one after the other and the case is resolved exactly once.
 */
@ApplicationScoped
public class CaseService {

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    CaseHistory history;

    @Inject
    RowLocks rowLocks;

    @ConfigProperty(name = "cpa.cases.overdue-after-days", defaultValue = "5")
    int overdueAfterDays;

    /** A request was submitted: its deployment case opens, once however often this is announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openForSubmittedRequest(UUID missionRequestId, UUID missionId, String missionCode, int positions,
                                        String announcedBy) {
        KnownMission.remember(missionId, missionCode);
        if (AuthorizationCase.count("missionRequestId", missionRequestId) > 0) {
            return;
        }
        AuthorizationCase opened = AuthorizationCase.forDeployment(missionId, missionRequestId,
                MinisterialAuthorization.ceilingInForce(missionId), positions, announcedBy);
        opened.persistAndFlush();
        history.append(opened.id, Action.OPENED, announcedBy, null, null, null, null);
        outbox.publish(CaseEvents.CaseOpened.of(opened));
    }

    /** A request was withdrawn: its case, if still pending, is withdrawn with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawForRequest(UUID missionRequestId, String reason, String announcedBy) {
        AuthorizationCase authorizationCase = AuthorizationCase.<AuthorizationCase>find("missionRequestId", missionRequestId)
                .firstResult();
        if (authorizationCase == null || !rowLocks.lock(AuthorizationCase.class, authorizationCase.id)) {
            return;
        }
        AuthorizationCase.getEntityManager().refresh(authorizationCase);
        if (authorizationCase.withdraw()) {
            history.append(authorizationCase.id, Action.WITHDRAWN, announcedBy, null, null, null, reason);
        }
    }

    @Transactional
    public AuthorizationCase openCeilingAmendment(NewCeilingAmendment amendment) {
        if (amendment.kind() != CaseKind.CEILING_AMENDMENT) {
            throw ProblemException.invalidField("kind", "case.only-amendments");
        }
        KnownMission.lock(amendment.missionId())
                .orElseThrow(() -> ProblemException.invalidField("missionId", "case.unknown-mission"));
        if (AuthorizationCase.count("missionId = ?1 and kind = ?2 and status = ?3", amendment.missionId(),
                CaseKind.CEILING_AMENDMENT, CaseStatus.PENDING) > 0) {
            throw ProblemException.conflict("case.amendment-pending");
        }
        AuthorizationCase opened = AuthorizationCase.forCeilingAmendment(amendment.missionId(),
                amendment.proposedCeiling(), MinisterialAuthorization.ceilingInForce(amendment.missionId()),
                amendment.rationale().trim(), caller.subject());
        opened.persistAndFlush();
        history.append(opened.id, Action.OPENED, caller.subject(), Roles.MISSION_PLANNER, null, null, opened.rationale);
        outbox.publish(CaseEvents.CaseOpened.of(opened));
        return opened;
    }

    @Transactional
    public AuthorizationCase decide(UUID id, NewDecision decision) {
        if (!Partner.representedBy(caller).contains(decision.partner())) {
            throw ProblemException.forbidden("case.not-your-partner", decision.partner());
        }
        String rationale = decision.rationale() == null || decision.rationale().isBlank() ? null : decision.rationale().trim();
        if (decision.decision() == Verdict.REJECT && rationale == null) {
            throw ProblemException.invalidField("rationale", "case.rationale-required");
        }
        if (!rowLocks.lock(AuthorizationCase.class, id)) {
            throw ProblemException.notFound("authorization case", id);
        }
        AuthorizationCase authorizationCase = AuthorizationCase.findById(id);
        Partner partner = decision.partner();
        authorizationCase.record(partner, decision.decision(), rationale, caller.subject());
        history.append(id, Action.DECISION_RECORDED, caller.subject(), partner.approverRole(), partner.name(),
                decision.decision().name(), rationale);
        if (authorizationCase.isApprovedByAll()) {
            approve(authorizationCase, partner);
        }
        AuthorizationCase.flush();
        outbox.publish(new CaseEvents.DecisionRecorded(id, authorizationCase.missionId, partner, decision.decision(),
                authorizationCase.status, authorizationCase.decisions.get(partner).decidedAt));
        if (authorizationCase.status == CaseStatus.APPROVED) {
            announceGrant(authorizationCase);
        } else if (authorizationCase.status == CaseStatus.REJECTED) {
            history.append(id, Action.REJECTED, caller.subject(), partner.approverRole(), partner.name(), null, rationale);
            outbox.publish(new CaseEvents.Denied(id, authorizationCase.kind, authorizationCase.missionId,
                    authorizationCase.missionRequestId, partner, authorizationCase.closedAt));
        }
        return authorizationCase;
    }

    /** The third approval: the ceiling takes effect as the mission's next Ministerial Authorization. */
    private void approve(AuthorizationCase authorizationCase, Partner lastPartner) {
        KnownMission.lock(authorizationCase.missionId);
        int ceilingInForce = MinisterialAuthorization.ceilingInForce(authorizationCase.missionId);
        authorizationCase.approve(authorizationCase.ceilingToGrant(ceilingInForce));
        history.append(authorizationCase.id, Action.APPROVED, caller.subject(), lastPartner.approverRole(),
                lastPartner.name(), null, null);
    }

    private void announceGrant(AuthorizationCase authorizationCase) {
        MinisterialAuthorization previous = MinisterialAuthorization.inForce(authorizationCase.missionId).orElse(null);
        MinisterialAuthorization granted = MinisterialAuthorization.grant(authorizationCase.missionId,
                authorizationCase.grantedCeiling, authorizationCase.id);
        outbox.publish(new CaseEvents.Granted(authorizationCase.id, authorizationCase.kind, authorizationCase.missionId,
                authorizationCase.missionRequestId, granted.ceiling, previous == null ? 0 : previous.ceiling,
                granted.number, granted.effectiveDate, authorizationCase.closedAt));
    }

    public AuthorizationCase get(UUID id) {
        return AuthorizationCase.<AuthorizationCase>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("authorization case", id));
    }

    public CaseView view(AuthorizationCase authorizationCase) {
        return CaseView.of(authorizationCase, authorizationCase.isOverdue(Instant.now(), overdueAllowance()));
    }

    public PageResponse<CaseView> list(CaseStatus status, UUID missionId, Boolean overdue, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (missionId != null) {
            conditions.add("missionId = :missionId");
            parameters.and("missionId", missionId);
        }
        if (overdue != null) {
            conditions.add((overdue ? "" : "not ") + "(status = :pending and openedAt < :overdueBefore)");
            parameters.and("pending", CaseStatus.PENDING).and("overdueBefore", Instant.now().minus(overdueAllowance()));
        }
        Sort oldestFirst = Sort.by("openedAt").and("id");
        PanacheQuery<AuthorizationCase> query = conditions.isEmpty()
                ? AuthorizationCase.findAll(oldestFirst)
                : AuthorizationCase.find(String.join(" and ", conditions), oldestFirst, parameters);
        return PageResponse.of(query, page, this::view);
    }

    private Duration overdueAllowance() {
        return Duration.ofDays(overdueAfterDays);
    }
}
