package ca.cpa.personnel.officer;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.personnel.agency.PoliceService;
import ca.cpa.personnel.officer.OfficerPayloads.NewOfficer;
import ca.cpa.personnel.officer.OfficerPayloads.OfficerChanges;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Officer records, each access to them recorded in the same transaction as the access. */
@ApplicationScoped
public class OfficerService {

    /** Filters of the officer search; null means any. */
    public record Search(String language, PositionRole specialty, String policeServiceCode,
                         LocalDate availableFrom, LocalDate availableTo) {
    }

    @Inject
    Caller caller;

    @Transactional
    public Officer create(NewOfficer body) {
        if (PoliceService.findById(body.policeServiceCode()) == null) {
            throw new RuleViolationException("policeServiceCode", "officer.unknown-police-service");
        }
        if (Officer.count("policeServiceCode = ?1 and serviceNumber = ?2", body.policeServiceCode(), body.serviceNumber()) > 0) {
            throw new ConflictException("officer.duplicate", body.policeServiceCode(), body.serviceNumber());
        }
        Officer officer = new Officer();
        officer.id = UUID.randomUUID();
        officer.policeServiceCode = body.policeServiceCode();
        officer.serviceNumber = body.serviceNumber();
        officer.givenName = body.givenName().trim();
        officer.familyName = body.familyName().trim();
        officer.memberType = body.memberType();
        officer.rank = body.rank().trim();
        officer.yearsOfService = body.yearsOfService();
        officer.languages = body.languages().stream().distinct().toList();
        officer.specialties = body.specialties() == null ? List.of()
                : body.specialties().stream().distinct().map(Enum::name).toList();
        if (body.securityClearance() != null) {
            officer.clearanceLevel = body.securityClearance().level();
            officer.clearanceExpiry = body.securityClearance().expiry();
        }
        officer.medicalExpiry = body.medicalClearanceExpiry();
        officer.createdAt = Instant.now();
        officer.updatedAt = officer.createdAt;
        officer.persistAndFlush();
        log(officer.id, OfficerAccess.Action.CREATE);
        return officer;
    }

    @Transactional
    public Officer read(UUID id) {
        Officer officer = find(id);
        log(id, OfficerAccess.Action.READ);
        return officer;
    }

    @Transactional
    public Officer change(UUID id, String ifMatch, OfficerChanges changes) {
        Officer officer = find(id);
        ETags.requireMatch(ifMatch, officer.version);
        officer.givenName = changes.givenName() == null ? officer.givenName : changes.givenName().trim();
        officer.familyName = changes.familyName() == null ? officer.familyName : changes.familyName().trim();
        officer.rank = changes.rank() == null ? officer.rank : changes.rank().trim();
        officer.yearsOfService = changes.yearsOfService() == null ? officer.yearsOfService : changes.yearsOfService();
        officer.languages = changes.languages() == null ? officer.languages : changes.languages().stream().distinct().toList();
        officer.specialties = changes.specialties() == null ? officer.specialties
                : changes.specialties().stream().distinct().map(Enum::name).toList();
        if (changes.securityClearance() != null) {
            officer.clearanceLevel = changes.securityClearance().level();
            officer.clearanceExpiry = changes.securityClearance().expiry();
        }
        officer.medicalExpiry = changes.medicalClearanceExpiry() == null ? officer.medicalExpiry : changes.medicalClearanceExpiry();
        officer.updatedAt = Instant.now();
        Officer.flush();
        log(id, OfficerAccess.Action.UPDATE);
        return officer;
    }

    /** Finds officers for planners; each officer returned counts as a read. */
    @Transactional
    public PageResponse<OfficerView> search(Search search, PageRequest page) {
        if ((search.availableFrom() == null) != (search.availableTo() == null)) {
            throw new RuleViolationException(search.availableFrom() == null ? "availableFrom" : "availableTo",
                    "officer.availability-needs-both");
        }
        Filter filter = new Filter()
                .and("array_contains(languages, :language)", "language", search.language())
                .and("array_contains(specialties, :specialty)", "specialty",
                        search.specialty() == null ? null : search.specialty().name())
                .and("policeServiceCode = :policeService", "policeService", search.policeServiceCode());
        if (search.availableFrom() != null) {
            filter.and("""
                            not exists (from Deployment d where d.officerId = id and d.status in ('PLANNED', 'IN_THEATRE')
                                        and d.startDate <= :availableTo and d.endDate >= :availableFrom)""")
                    .with("availableFrom", search.availableFrom())
                    .with("availableTo", search.availableTo());
        }
        Sort byName = Sort.by("familyName").and("givenName").and("id");
        PageResponse<OfficerView> result = PageResponse.of(Officer.find(filter.query(), byName, filter.parameters()), page,
                OfficerView::of);
        result.items().forEach(officer -> log(officer.id(), OfficerAccess.Action.READ));
        return result;
    }

    public PageResponse<OfficerAccessView> accessLog(UUID officerId, PageRequest page) {
        Filter filter = new Filter().and("officerId = :officer", "officer", officerId);
        return PageResponse.of(OfficerAccess.find(filter.query(), Sort.by("id").descending(), filter.parameters()), page,
                OfficerAccessView::of);
    }

    public static Officer find(UUID id) {
        return Officer.<Officer>findByIdOptional(id).orElseThrow(() -> new NotFoundException("officer", id));
    }

    private void log(UUID officerId, OfficerAccess.Action action) {
        OfficerAccess access = new OfficerAccess();
        access.officerId = officerId;
        access.action = action;
        access.actor = caller.subject();
        access.actorRole = caller.hasRole(Roles.PERSONNEL_OFFICER) ? Roles.PERSONNEL_OFFICER : Roles.AUDITOR;
        access.at = Instant.now();
        access.persist();
    }
}
