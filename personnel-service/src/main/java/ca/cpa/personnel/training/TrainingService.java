package ca.cpa.personnel.training;

import ca.cpa.events.personnel.TrainingKind;
import ca.cpa.events.personnel.TrainingOutcome;
import ca.cpa.personnel.officer.Officer;
import ca.cpa.platform.core.events.IntegrationEvent;
import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.domain.RuleViolationException;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.persistence.RowLocks;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TrainingService {

    @Inject
    Outbox outbox;

    @Inject
    RowLocks rowLocks;

    @Transactional
    public TrainingCourse schedule(String title, TrainingKind kind, LocalDate startDate, LocalDate endDate,
                                   int capacity) {
        TrainingCourse course = TrainingCourse.schedule(title.trim(), kind, startDate, endDate, capacity);
        course.persist();
        return course;
    }

    public PageResponse<TrainingView.Course> courses(PageRequest page) {
        return PageResponse.of(TrainingCourse.findAll(Sort.by("startDate").and("id")), page, TrainingView.Course::of);
    }

    public TrainingCourse course(UUID id) {
        return TrainingCourse.<TrainingCourse>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("training course", id));
    }

    /** Enrols an officer, while the course has room: the course's row is locked while places are counted. */
    @Transactional
    public Enrolment enrol(UUID courseId, UUID officerId) {
        if (!rowLocks.lock(TrainingCourse.class, courseId)) {
            throw new NotFoundException("training course", courseId);
        }
        TrainingCourse course = TrainingCourse.findById(courseId);
        if (Officer.findById(officerId) == null) {
            throw new RuleViolationException("officerId", "candidacy.unknown-officer");
        }
        Enrolment enrolment = course.enrol(officerId,
                Enrolment.count("courseId = ?1 and officerId = ?2", courseId, officerId) > 0,
                Enrolment.count("courseId", courseId));
        enrolment.persistAndFlush();
        return enrolment;
    }

    public Enrolment enrolment(UUID id) {
        return Enrolment.<Enrolment>findByIdOptional(id).orElseThrow(() -> new NotFoundException("enrolment", id));
    }

    @Transactional
    public Enrolment recordResult(UUID enrolmentId, TrainingOutcome outcome) {
        if (!rowLocks.lock(Enrolment.class, enrolmentId)) {
            throw new NotFoundException("enrolment", enrolmentId);
        }
        Enrolment enrolment = Enrolment.findById(enrolmentId);
        List<IntegrationEvent> events = enrolment.record(outcome, TrainingCourse.findById(enrolment.courseId));
        Enrolment.flush();
        outbox.publish(events);
        return enrolment;
    }
}
