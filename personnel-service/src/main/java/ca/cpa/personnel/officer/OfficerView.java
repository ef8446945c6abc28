package ca.cpa.personnel.officer;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.PositionRole;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Officer", description = "Personal information: readable by personnel officers and auditors only; every read is logged")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficerView(UUID id, @Schema(maxLength = 16, example = "SPVM") String policeServiceCode, @Schema(maxLength = 32, pattern = "^[A-Za-z0-9-]{1,32}$", example = "000123") String serviceNumber, @Schema(maxLength = 100, example = "Marie") String givenName, @Schema(maxLength = 100, example = "Tremblay") String familyName,
                          MemberType memberType, @Schema(maxLength = 60, example = "Sergeant") String rank, @Schema(example = "12") int yearsOfService, @Schema(maxItems = 10) List<String> languages,
                          @Schema(maxItems = 8) List<PositionRole> specialties, OfficerPayloads.Clearance securityClearance,
                          LocalDate medicalClearanceExpiry, Instant createdAt, Instant updatedAt, @Schema(example = "1") long version) {

    static OfficerView of(Officer officer) {
        return new OfficerView(officer.id, officer.policeServiceCode, officer.serviceNumber, officer.givenName,
                officer.familyName, officer.memberType, officer.rank, officer.yearsOfService, officer.languages,
                officer.specialtyRoles(),
                officer.clearanceLevel == null ? null : new OfficerPayloads.Clearance(officer.clearanceLevel, officer.clearanceExpiry),
                officer.medicalExpiry, officer.createdAt, officer.updatedAt, officer.version);
    }
}
