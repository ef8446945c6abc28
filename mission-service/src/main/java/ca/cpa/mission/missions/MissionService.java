package ca.cpa.mission.missions;

import ca.cpa.events.mission.MissionStatus;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.ConflictException;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MissionService {

    @Inject
    Outbox outbox;

    @Transactional
    public Mission create(NewMission request) {
        if (Mission.findByCode(request.code()).isPresent()) {
            throw new ConflictException("mission.duplicate-code", request.code());
        }
        ResultWithEvents<Mission> planned = Mission.plan(request.code(), request.nameEn().trim(),
                request.nameFr().trim(), request.hostCountry(), request.type(), request.partnerOrganization().trim(),
                new Mandate(request.mandateStart(), request.mandateEnd()), request.cpaSince());
        planned.result().persistAndFlush();
        outbox.publish(planned.events());
        return planned.result();
    }

    public Mission get(UUID id) {
        return Mission.<Mission>findByIdOptional(id).orElseThrow(() -> new NotFoundException("mission", id));
    }

    public PageResponse<MissionView> list(MissionStatus status, String hostCountry, PageRequest page) {
        Filter filter = new Filter()
                .and("status = :status", "status", status)
                .and("hostCountry = :hostCountry", "hostCountry", hostCountry);
        return PageResponse.of(Mission.find(filter.query(), Sort.by("code"), filter.parameters()), page, MissionView::of);
    }

    @Transactional
    public Mission change(UUID id, String ifMatch, MissionChanges changes) {
        Mission mission = get(id);
        ETags.requireMatch(ifMatch, mission.version);
        mission.describe(changes.nameEn(), changes.nameFr(), changes.partnerOrganization());
        mission.contributingSince(changes.cpaSince());
        List<IntegrationEvent> events = new ArrayList<>(mission.changeMandate(changes.mandateStart(), changes.mandateEnd()));
        if (changes.status() != null) {
            events.addAll(mission.changeStatus(changes.status()));
        }
        Mission.flush();
        outbox.publish(events);
        return mission;
    }
}
