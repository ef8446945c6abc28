package ca.cpa.personnel.candidacy;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.personnel.officer.Officer;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.persistence.RowLocks;
import ca.cpa.platform.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CandidacyService {

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    RowLocks rowLocks;

    @Inject
    TourCommitments tours;

    /** Nominates an officer and screens the nomination at once. */
    @Transactional
    public Candidacy nominate(UUID officerId, UUID missionRequestId, PositionRole role) {
        Officer officer = Officer.<Officer>findByIdOptional(officerId)
                .orElseThrow(() -> new RuleViolationException("officerId", "candidacy.unknown-officer"));
        KnownRequest request = KnownRequest.<KnownRequest>findByIdOptional(missionRequestId)
                .orElseThrow(() -> new RuleViolationException("missionRequestId", "candidacy.unknown-request"));
        if (Candidacy.count("officerId = ?1 and missionRequestId = ?2 and role = ?3", officerId, missionRequestId, role) > 0) {
            throw new ConflictException("candidacy.duplicate");
        }
        Screening screening = Screening.of(officer, request, role, LocalDate.now(ZoneOffset.UTC),
                tours.hasActiveTour(officerId));
        Candidacy candidacy = Candidacy.nominate(officerId, missionRequestId, role, screening, caller.subject());
        candidacy.persistAndFlush();
        return candidacy;
    }

    /**
     * Selects or declines an eligible candidate. The request's row is locked first, so that
     * concurrent selections for one position are counted one after the other.
     */
    @Transactional
    public Candidacy decide(UUID id, String ifMatch, boolean select) {
        Candidacy candidacy = get(id);
        if (select) {
            rowLocks.lock(KnownRequest.class, candidacy.missionRequestId);
            Candidacy.getEntityManager().refresh(candidacy);
        }
        ETags.requireMatch(ifMatch, candidacy.version);
        if (select) {
            KnownRequest request = KnownRequest.findById(candidacy.missionRequestId);
            long selected = Candidacy.count("missionRequestId = ?1 and role = ?2 and status = ?3",
                    candidacy.missionRequestId, candidacy.role, Candidacy.Status.SELECTED);
            List<IntegrationEvent> events = candidacy.select(request, selected, caller.subject());
            Candidacy.flush();
            outbox.publish(events);
        } else {
            candidacy.decline(caller.subject());
            Candidacy.flush();
        }
        return candidacy;
    }

    public Candidacy get(UUID id) {
        return Candidacy.<Candidacy>findByIdOptional(id).orElseThrow(() -> new NotFoundException("candidacy", id));
    }

    /** Releases an eligible or selected candidate who has not deployed; the position's place is free again. */
    @Transactional
    public Candidacy release(UUID id, String ifMatch, String reason) {
        if (!rowLocks.lock(Candidacy.class, id)) {
            throw new NotFoundException("candidacy", id);
        }
        Candidacy candidacy = Candidacy.findById(id);
        ETags.requireMatch(ifMatch, candidacy.version);
        candidacy.release(reason, caller.subject(), tours.isDeployed(id));
        Candidacy.flush();
        return candidacy;
    }

    public PageResponse<CandidacyView> list(UUID officerId, UUID missionId, UUID missionRequestId,
                                            Candidacy.Status status, PageRequest page) {
        Filter filter = new Filter()
                .and("officerId = :officer", "officer", officerId)
                .and("missionRequestId in (select r.id from KnownRequest r where r.missionId = :mission)", "mission",
                        missionId)
                .and("missionRequestId = :request", "request", missionRequestId)
                .and("status = :status", "status", status);
        Sort oldestFirst = Sort.by("nominatedAt").and("id");
        return PageResponse.of(Candidacy.find(filter.query(), oldestFirst, filter.parameters()), page, CandidacyView::of);
    }
}
