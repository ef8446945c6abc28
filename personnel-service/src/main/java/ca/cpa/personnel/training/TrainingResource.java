package ca.cpa.personnel.training;

import ca.cpa.platform.http.ETags;
import ca.cpa.platform.http.Idempotency;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Training", description = "Pre-deployment and mission-specific courses")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingResource {

    @Inject
    TrainingService training;

    @Inject
    Idempotency idempotency;

    @POST
    @Path("/training-courses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "scheduleTrainingCourse", summary = "Schedule a course",
            description = "PRE_DEPLOYMENT courses qualify officers for any deployment starting within 12 months of passing.",
            extensions = @Extension(name = "x-cpa-problems", value = "422"))
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingView.Course.class)))
    public Response schedule(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @NotNull @Valid TrainingView.NewCourse body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "scheduleTrainingCourse", body, () -> {
            TrainingCourse course = training.schedule(body.title(), body.kind(), body.startDate(), body.endDate(),
                    body.capacity());
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(course.id.toString()).build(), ETags.UNCHANGING,
                    TrainingView.Course.of(course));
        });
    }

    @GET
    @Path("/training-courses")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listTrainingCourses", summary = "List courses", description = "By start date.")
    public PageResponse<TrainingView.Course> courses(@BeanParam PageParams page) {
        return training.courses(page.request());
    }

    @GET
    @Path("/training-courses/{id}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getTrainingCourse", summary = "Read a course",
            description = "Its kind, dates and capacity.")
    @APIResponse(responseCode = "200", description = "The course",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingView.Course.class)))
    public RestResponse<TrainingView.Course> course(@PathParam("id") UUID id) {
        return ETags.ok(TrainingView.Course.of(training.course(id)), ETags.UNCHANGING);
    }

    @POST
    @Path("/training-courses/{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "enrolOfficer", summary = "Enrol an officer on a course",
            description = "409 when the course is full or the officer already enrolled.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Enrolled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingView.EnrolmentView.class)))
    public Response enrol(@PathParam("id") UUID id,
                          @Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                          @NotNull @Valid TrainingView.NewEnrolment body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "enrolOfficer " + id, body, () -> {
            Enrolment enrolment = training.enrol(id, body.officerId());
            return new Idempotency.Created(
                    uri.getBaseUriBuilder().path("api/v1/enrolments").path(enrolment.id.toString()).build(), enrolment.version,
                    TrainingView.EnrolmentView.of(enrolment));
        });
    }

    @GET
    @Path("/enrolments/{id}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getEnrolment", summary = "Read an enrolment and its result",
            description = "The outcome is empty until the result is recorded.")
    @APIResponse(responseCode = "200", description = "The enrolment",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingView.EnrolmentView.class)))
    public RestResponse<TrainingView.EnrolmentView> enrolment(@PathParam("id") UUID id) {
        Enrolment enrolment = training.enrolment(id);
        return ETags.ok(TrainingView.EnrolmentView.of(enrolment), enrolment.version);
    }

    @POST
    @Path("/enrolments/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Operation(operationId = "recordTrainingResult", summary = "Record how the officer did",
            description = "Once per enrolment (409 after). Emits ca.cpa.training.completed.v1.",
            extensions = @Extension(name = "x-cpa-problems", value = "409"))
    public RestResponse<TrainingView.EnrolmentView> result(@PathParam("id") UUID id, @NotNull @Valid TrainingView.Result body) {
        Enrolment enrolment = training.recordResult(id, body.outcome());
        return ETags.ok(TrainingView.EnrolmentView.of(enrolment), enrolment.version);
    }
}
