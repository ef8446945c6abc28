package ca.cpa.authorization.cases;

import ca.cpa.authorization.cases.CasePayloads.NewCeilingAmendment;
import ca.cpa.authorization.cases.CasePayloads.NewDecision;
import ca.cpa.authorization.ceiling.MinisterialAuthorization;
import ca.cpa.authorization.history.CaseHistory;
import ca.cpa.authorization.history.CaseHistoryEntry.Action;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.persistence.RowLocks;
import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
        CaseEvents.Granted granted = authorizationCase.isApprovedByAll() ? approve(authorizationCase, partner) : null;
        AuthorizationCase.flush();
        outbox.publish(new CaseEvents.DecisionRecorded(id, authorizationCase.missionId, partner, decision.decision(),
                authorizationCase.status, authorizationCase.decisions.get(partner).decidedAt));
        if (granted != null) {
            outbox.publish(granted);
        } else if (authorizationCase.status == CaseStatus.REJECTED) {
            history.append(id, Action.REJECTED, caller.subject(), partner.approverRole(), partner.name(), null, rationale);
            outbox.publish(new CaseEvents.Denied(id, authorizationCase.kind, authorizationCase.missionId,
                    authorizationCase.missionRequestId, partner, authorizationCase.closedAt));
        }
        return authorizationCase;
    }

    /**
     * The third approval: the ceiling takes effect as the mission's next Ministerial
     * Authorization, under the mission's lock. Answers the event that announces it.
     */
    private CaseEvents.Granted approve(AuthorizationCase authorizationCase, Partner lastPartner) {
        KnownMission.lock(authorizationCase.missionId);
        Optional<MinisterialAuthorization> inForce = MinisterialAuthorization.inForce(authorizationCase.missionId);
        int previousCeiling = inForce.map(authorization -> authorization.ceiling).orElse(0);
        authorizationCase.approve(authorizationCase.ceilingToGrant(previousCeiling));
        history.append(authorizationCase.id, Action.APPROVED, caller.subject(), lastPartner.approverRole(),
                lastPartner.name(), null, null);
        MinisterialAuthorization granted = MinisterialAuthorization.grant(inForce, authorizationCase.missionId,
                authorizationCase.grantedCeiling, authorizationCase.id);
        return new CaseEvents.Granted(authorizationCase.id, authorizationCase.kind, authorizationCase.missionId,
                authorizationCase.missionRequestId, granted.ceiling, previousCeiling, granted.number,
                granted.effectiveDate, authorizationCase.closedAt);
    }

    public AuthorizationCase get(UUID id) {
        return AuthorizationCase.<AuthorizationCase>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("authorization case", id));
    }

    public CaseView view(AuthorizationCase authorizationCase) {
        return CaseView.of(authorizationCase, authorizationCase.isOverdue(Instant.now(), overdueAllowance()));
    }

    public PageResponse<CaseView> list(CaseStatus status, UUID missionId, Boolean overdue, PageRequest page) {
        Filter filter = new Filter()
                .and("status = :status", "status", status)
                .and("missionId = :missionId", "missionId", missionId);
        if (overdue != null) {
            filter.and((overdue ? "" : "not ") + "(status = :pending and openedAt < :overdueBefore)")
                    .with("pending", CaseStatus.PENDING)
                    .with("overdueBefore", Instant.now().minus(overdueAllowance()));
        }
        Sort oldestFirst = Sort.by("openedAt").and("id");
        return PageResponse.of(AuthorizationCase.find(filter.query(), oldestFirst, filter.parameters()), page, this::view);
    }

    private Duration overdueAllowance() {
        return Duration.ofDays(overdueAfterDays);
    }
}
