package ca.cpa.authorization.cases;

import ca.cpa.authorization.cases.CasePayloads.NewCeilingAmendment;
import ca.cpa.authorization.cases.CasePayloads.NewDecision;
import ca.cpa.authorization.ceiling.MinisterialAuthorization;
import ca.cpa.authorization.history.CaseHistory;
import ca.cpa.authorization.history.CaseHistoryEntry.Action;
import ca.cpa.events.authorization.CaseKind;
import ca.cpa.events.authorization.CaseStatus;
import ca.cpa.events.authorization.Partner;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
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
import java.util.UUID;

/**
 * The tripartite decision as callers and events drive it: loads and locks the case, lets it
 * decide, keeps the audit trail and hands the events the case caused to the outbox.
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
        ResultWithEvents<AuthorizationCase> opened = AuthorizationCase.forDeployment(missionId, missionRequestId,
                MinisterialAuthorization.ceilingInForce(missionId), positions, announcedBy);
        opened.result().persistAndFlush();
        history.append(opened.result().id, Action.OPENED, announcedBy, null, null, null, null);
        outbox.publish(opened.events());
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
            throw new RuleViolationException("kind", "case.only-amendments");
        }
        KnownMission.lock(amendment.missionId())
                .orElseThrow(() -> new RuleViolationException("missionId", "case.unknown-mission"));
        boolean amendmentPending = AuthorizationCase.count("missionId = ?1 and kind = ?2 and status = ?3",
                amendment.missionId(), CaseKind.CEILING_AMENDMENT, CaseStatus.PENDING) > 0;
        ResultWithEvents<AuthorizationCase> opened = AuthorizationCase.forCeilingAmendment(amendment.missionId(),
                amendment.proposedCeiling(), MinisterialAuthorization.ceilingInForce(amendment.missionId()),
                amendmentPending, amendment.rationale().trim(), caller.subject());
        AuthorizationCase amendmentCase = opened.result();
        amendmentCase.persistAndFlush();
        history.append(amendmentCase.id, Action.OPENED, caller.subject(), Roles.MISSION_PLANNER, null, null,
                amendmentCase.rationale);
        outbox.publish(opened.events());
        return amendmentCase;
    }

    /**
     * Records the caller's partner's decision. The case's row is locked, then its mission's, so
     * that decisions arriving together are taken one after the other and a mission's
     * authorizations are numbered in one order.
     */
    @Transactional
    public AuthorizationCase decide(UUID id, NewDecision decision) {
        Partner partner = decision.partner();
        if (!Approvers.representedBy(caller).contains(partner)) {
            throw ProblemException.forbidden("case.not-your-partner", partner);
        }
        String rationale = decision.rationale() == null || decision.rationale().isBlank() ? null : decision.rationale().trim();
        Decision partnersDecision = Decision.of(decision.decision(), rationale, caller.subject());
        if (!rowLocks.lock(AuthorizationCase.class, id)) {
            throw new NotFoundException("authorization case", id);
        }
        AuthorizationCase authorizationCase = AuthorizationCase.findById(id);
        KnownMission.lock(authorizationCase.missionId);
        AuthorizationCase.Decided decided = authorizationCase.record(partner, partnersDecision,
                MinisterialAuthorization.inForce(authorizationCase.missionId));
        decided.authorization().ifPresent(authorization -> authorization.persist());
        String role = Approvers.roleOf(partner);
        history.append(id, Action.DECISION_RECORDED, caller.subject(), role, partner.name(), decision.decision().name(),
                rationale);
        if (authorizationCase.status == CaseStatus.APPROVED) {
            history.append(id, Action.APPROVED, caller.subject(), role, partner.name(), null, null);
        } else if (authorizationCase.status == CaseStatus.REJECTED) {
            history.append(id, Action.REJECTED, caller.subject(), role, partner.name(), null, rationale);
        }
        AuthorizationCase.flush();
        outbox.publish(decided.events());
        return authorizationCase;
    }

    public AuthorizationCase get(UUID id) {
        return AuthorizationCase.<AuthorizationCase>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("authorization case", id));
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
