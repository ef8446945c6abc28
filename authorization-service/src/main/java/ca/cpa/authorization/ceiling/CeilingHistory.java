package ca.cpa.authorization.ceiling;

import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Each mission's Ministerial Authorizations, newest first, the one in force marked. */
@ApplicationScoped
public class CeilingHistory {

    public PageResponse<MinisterialAuthorizationView> list(UUID missionId, PageRequest page) {
        Sort newestFirst = Sort.by("missionId").and("number", Sort.Direction.Descending);
        PanacheQuery<MinisterialAuthorization> query = missionId == null
                ? MinisterialAuthorization.findAll(newestFirst)
                : MinisterialAuthorization.find("missionId", newestFirst, missionId);
        Map<UUID, Integer> numberInForce = new HashMap<>();
        return PageResponse.of(query, page, authorization -> new MinisterialAuthorizationView(
                authorization.id, authorization.missionId, authorization.number, authorization.ceiling,
                authorization.effectiveDate, authorization.caseId,
                authorization.number == numberInForce.computeIfAbsent(authorization.missionId,
                        mission -> MinisterialAuthorization.inForce(mission).map(inForce -> inForce.number).orElse(0)),
                authorization.recordedAt));
    }
}
