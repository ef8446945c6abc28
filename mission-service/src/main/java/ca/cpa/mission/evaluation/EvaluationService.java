package ca.cpa.mission.evaluation;

import ca.cpa.mission.missions.MissionService;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class EvaluationService {

    @Inject
    MissionService missions;

    @Transactional
    public Evaluation record(UUID missionId, NewEvaluation request, String evaluatedBy) {
        missions.get(missionId);
        Evaluation evaluation = Evaluation.record(missionId, request.kind(), request.evaluationDate(), request.rating(),
                request.summary().trim(), request.recommendations(), evaluatedBy);
        evaluation.persist();
        return evaluation;
    }

    public PageResponse<EvaluationView> list(UUID missionId, PageRequest page) {
        missions.get(missionId);
        return PageResponse.of(Evaluation.find("missionId", Sort.by("evaluationDate").descending().and("recordedAt"),
                missionId), page, EvaluationView::of);
    }

    public Evaluation get(UUID missionId, UUID id) {
        return Evaluation.<Evaluation>find("id = ?1 and missionId = ?2", id, missionId).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("evaluation", id));
    }
}
