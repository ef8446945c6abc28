package ca.cpa.mission.request;

import ca.cpa.events.mission.RequestStatus;
import ca.cpa.mission.missions.Mission;
import ca.cpa.mission.request.MissionRequestPayloads.AssessmentPayload;
import ca.cpa.mission.request.MissionRequestPayloads.NewMissionRequest;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.core.events.ResultWithEvents;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.Filter;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.security.Caller;
import ca.cpa.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The request workflow as callers drive it. A requesting partner acts only on its own
 * organization's requests, named by its token; another organization's request is, for it,
 * a request that does not exist.
 */
@ApplicationScoped
public class MissionRequestService {

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Transactional
    public MissionRequest file(NewMissionRequest body) {
        String organization = caller.organization()
                .orElseThrow(() -> ProblemException.forbidden("mission-request.no-organization-claim"));
        if (body.requestingOrganization().name() != null && !body.requestingOrganization().name().equals(organization)) {
            throw ProblemException.forbidden("mission-request.other-organization", organization);
        }
        RequestingOrganization requester = new RequestingOrganization(body.requestingOrganization().type(),
                organization, body.requestingOrganization().country());
        Mission mission = Mission.<Mission>findByIdOptional(body.missionId())
                .orElseThrow(() -> new RuleViolationException("missionId", "mission-request.unknown-mission"));
        mission.requireOpenForRequests();
        ResultWithEvents<MissionRequest> received = MissionRequest.receive(mission.id, requester,
                body.positions().stream().map(position -> new RequestedPosition(position.role(), position.count(),
                        position.languages().stream().distinct().toList(), position.minYearsOfService(),
                        position.memberType())).toList(),
                body.durationMonths(), body.justification().trim(), caller.subject());
        received.result().persistAndFlush();
        outbox.publish(received.events());
        return received.result();
    }

    public MissionRequest get(UUID id) {
        return MissionRequest.<MissionRequest>findByIdOptional(id)
                .filter(request -> !isPartner() || caller.organization().filter(request::belongsTo).isPresent())
                .orElseThrow(() -> new NotFoundException("mission request", id));
    }

    public PageResponse<MissionRequestView> list(RequestStatus status, UUID missionId, PageRequest page) {
        boolean internal = !isPartner();
        Filter filter = new Filter()
                .and("requestingOrganization.name = :organization", "organization",
                        internal ? null : caller.organization().orElse(""))
                .and("status = :status", "status", status)
                .and("missionId = :missionId", "missionId", missionId);
        Sort newestFirst = Sort.by("receivedAt").descending().and("id");
        return PageResponse.of(MissionRequest.<MissionRequest>find(filter.query(), newestFirst, filter.parameters()), page,
                request -> MissionRequestView.of(request, internal));
    }

    @Transactional
    public MissionRequest assess(UUID id, AssessmentPayload assessment) {
        MissionRequest request = get(id);
        request.assess(assessment.riskLevel(), assessment.recommendation(), assessment.notes(), caller.subject());
        MissionRequest.flush();
        return request;
    }

    @Transactional
    public MissionRequest submit(UUID id) {
        MissionRequest request = get(id);
        Mission mission = Mission.findById(request.missionId);
        List<IntegrationEvent> events = request.submit(caller.subject(), mission.code);
        MissionRequest.flush();
        outbox.publish(events);
        return request;
    }

    @Transactional
    public MissionRequest withdraw(UUID id, String reason) {
        MissionRequest request = get(id);
        List<IntegrationEvent> events = request.withdraw(reason.trim(), caller.subject());
        MissionRequest.flush();
        outbox.publish(events);
        return request;
    }

    /** Whether the caller sees only its own organization's requests. */
    public boolean isPartner() {
        return caller.hasRole(Roles.REQUESTING_PARTNER) && !caller.hasAnyRole(Roles.CPA_STAFF);
    }
}
