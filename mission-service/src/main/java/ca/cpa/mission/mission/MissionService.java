package ca.cpa.mission.mission;

import ca.cpa.platform.http.ETags;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class MissionService {

    @Inject
    Outbox outbox;

    @Transactional
    public Mission create(NewMission request) {
        if (Mission.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("mission.duplicate-code", request.code());
        }
        Mission mission = Mission.plan(request.code(), request.nameEn().trim(), request.nameFr().trim(),
                request.hostCountry(), request.type(), request.partnerOrganization().trim());
        mission.persistAndFlush();
        outbox.publish(MissionEvents.MissionCreated.of(mission));
        return mission;
    }

    public Mission get(UUID id) {
        return Mission.<Mission>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("mission", id));
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
        if (changes.status() != null && changes.status() != mission.status) {
            MissionStatus previous = mission.changeStatus(changes.status());
            outbox.publish(new MissionEvents.MissionStatusChanged(mission.id, mission.code, previous, mission.status,
                    mission.updatedAt));
        }
        Mission.flush();
        return mission;
    }
}
