package ca.cpa.personnel.agency;

import ca.cpa.platform.domain.NotFoundException;
import ca.cpa.platform.http.ETags;
import ca.cpa.platform.http.Idempotency;
import ca.cpa.platform.paging.PageParams;
import ca.cpa.platform.paging.PageResponse;
import ca.cpa.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.time.Instant;

@Path("/api/v1/police-services")
@Tag(name = "Police services", description = "Partner agencies officers come from")
@Produces(MediaType.APPLICATION_JSON)
public class PoliceServiceResource {

    @Schema(name = "NewPoliceService")
    public record NewPoliceService(
            @Schema(example = "SPVM", maxLength = 16) @NotNull @Pattern(regexp = "[A-Z][A-Z0-9-]{1,15}") String code,
            @Schema(example = "Montreal Police Service") @NotBlank @Size(max = 200) String nameEn,
            @Schema(example = "Service de police de la Ville de Montréal") @NotBlank @Size(max = 200) String nameFr,
            @Schema(description = "Province or territory; none for a national service") PoliceService.Province province) {
    }

    @Schema(name = "PoliceService")
    public record PoliceServiceView(@Schema(maxLength = 16, example = "SPVM") String code,
                                    @Schema(maxLength = 200, example = "Montreal Police Service") String nameEn,
                                    @Schema(maxLength = 200, example = "Service de police de la Ville de Montréal") String nameFr,
                                    @Schema(nullable = true, maxLength = 2, example = "QC", description = "None for a national service (the RCMP)")
                                    PoliceService.Province province,
                                    Instant createdAt) {
        static PoliceServiceView of(PoliceService service) {
            return new PoliceServiceView(service.code, service.nameEn, service.nameFr, service.province, service.createdAt);
        }
    }

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSONNEL_OFFICER)
    @Transactional
    @Operation(operationId = "createPoliceService", summary = "Add a partner police service",
            description = "A police service whose officers may be deployed; its code is unique.",
            extensions = @Extension(name = "x-cpa-problems", value = "409,422"))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoliceServiceView.class)))
    public Response create(@Parameter(description = "Makes a retried create safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @NotNull @Valid NewPoliceService body, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, "createPoliceService", body, () -> {
            PoliceService service = PoliceService.join(body.code(), body.nameEn(), body.nameFr(), body.province());
            return new Idempotency.Created(uri.getAbsolutePathBuilder().path(service.code).build(), ETags.UNCHANGING,
                    PoliceServiceView.of(service));
        });
    }

    @GET
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listPoliceServices", summary = "List partner police services", description = "By code.")
    public PageResponse<PoliceServiceView> list(@BeanParam PageParams page) {
        return PageResponse.of(PoliceService.findAll(Sort.by("code")), page.request(), PoliceServiceView::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PERSONNEL_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getPoliceService", summary = "Read a partner police service",
            description = "By its code, e.g. RCMP.")
    @APIResponse(responseCode = "200", description = "The police service",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoliceServiceView.class)))
    public RestResponse<PoliceServiceView> get(@Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 16), example = "RCMP") @PathParam("code") String code) {
        PoliceService service = PoliceService.<PoliceService>findByIdOptional(code)
                .orElseThrow(() -> new NotFoundException("police service", code));
        return ETags.ok(PoliceServiceView.of(service), ETags.UNCHANGING);
    }
}
