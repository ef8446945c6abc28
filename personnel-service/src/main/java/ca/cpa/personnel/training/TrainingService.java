package ca.cpa.personnel.training;

import ca.cpa.personnel.officer.Officer;
import ca.cpa.platform.outbox.Outbox;
import ca.cpa.platform.paging.PageRequest;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.persistence.RowLocks;
import ca.cpa.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@ApplicationScoped
public class TrainingService {

    @Inject
    Outbox outbox;

    @Inject
    RowLocks rowLocks;

    @Transactional
    public TrainingCourse schedule(String title, TrainingCourse.Kind kind, LocalDate startDate, LocalDate endDate,
                                   int capacity) {
        if (endDate.isBefore(startDate)) {
            throw ProblemException.invalidField("endDate", "training.ends-before-start");
        }
        TrainingCourse course = new TrainingCourse();
        course.id = UUID.randomUUID();
        course.title = title.trim();
        course.kind = kind;
        course.startDate = startDate;
        course.endDate = endDate;
        course.capacity = capacity;
        course.createdAt = Instant.now();
        course.persist();
        return course;
    }

    public PageResponse<TrainingView.Course> courses(PageRequest page) {
        return PageResponse.of(TrainingCourse.findAll(Sort.by("startDate").and("id")), page, TrainingView.Course::of);
    }

    public TrainingCourse course(UUID id) {
        return TrainingCourse.<TrainingCourse>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("training course", id));
    }

    /** Enrols an officer, while the course has room: the course's row is locked while places are counted. */
    @Transactional
    public Enrolment enrol(UUID courseId, UUID officerId) {
        if (!rowLocks.lock(TrainingCourse.class, courseId)) {
            throw ProblemException.notFound("training course", courseId);
        }
        TrainingCourse course = TrainingCourse.findById(courseId);
        if (Officer.findById(officerId) == null) {
            throw ProblemException.invalidField("officerId", "candidacy.unknown-officer");
        }
        if (Enrolment.count("courseId = ?1 and officerId = ?2", courseId, officerId) > 0) {
            throw ProblemException.conflict("training.already-enrolled");
        }
        if (Enrolment.count("courseId", courseId) >= course.capacity) {
            throw ProblemException.conflict("training.course-full", course.capacity);
        }
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.courseId = courseId;
        enrolment.officerId = officerId;
        enrolment.enrolledAt = Instant.now();
        enrolment.persistAndFlush();
        return enrolment;
    }

    public Enrolment enrolment(UUID id) {
        return Enrolment.<Enrolment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("enrolment", id));
    }

    @Transactional
    public Enrolment recordResult(UUID enrolmentId, Enrolment.Outcome outcome) {
        if (!rowLocks.lock(Enrolment.class, enrolmentId)) {
            throw ProblemException.notFound("enrolment", enrolmentId);
        }
        Enrolment enrolment = Enrolment.findById(enrolmentId);
        enrolment.record(outcome);
        Enrolment.flush();
        TrainingCourse course = TrainingCourse.findById(enrolment.courseId);
        outbox.publish(new TrainingCompleted(enrolment.id, course.id, course.kind, enrolment.officerId, outcome,
                enrolment.resultAt));
        return enrolment;
    }
}
