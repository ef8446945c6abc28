package ca.cpa.authorization.history;

import ca.cpa.authorization.history.CaseHistoryEntry.Action;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Appends to and reads the audit trail of cases. Nothing here changes or removes a line. */
@ApplicationScoped
public class CaseHistory {

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID caseId, Action action, String actor, String actorRole, String partner, String verdict,
                       String rationale) {
        CaseHistoryEntry entry = new CaseHistoryEntry();
        entry.caseId = caseId;
        entry.action = action;
        entry.actor = actor;
        entry.actorRole = actorRole;
        entry.partner = partner;
        entry.verdict = verdict;
        entry.rationale = rationale;
        entry.at = Instant.now();
        entry.persist();
    }

    public PageResponse<CaseHistoryView> of(UUID caseId, PageRequest page) {
        return PageResponse.of(CaseHistoryEntry.find("caseId", Sort.by("id"), caseId), page, CaseHistoryView::of);
    }
}
