package ca.cpa.personnel.officer;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.platform.validation.LanguageCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The bodies clients send about officers. */
public final class OfficerPayloads {

    private OfficerPayloads() {
    }

    @Schema(name = "SecurityClearance")
    public record Clearance(@NotNull Officer.ClearanceLevel level, @Schema(example = "2028-06-30") @NotNull LocalDate expiry) {
    }

    @Schema(name = "NewOfficer")
    public record NewOfficer(
            @Schema(example = "RCMP", maxLength = 16) @NotBlank @Size(max = 16) String policeServiceCode,
            @Schema(example = "000123", maxLength = 32) @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String serviceNumber,
            @Schema(example = "Marie") @NotBlank @Size(max = 100) String givenName,
            @Schema(example = "Tremblay") @NotBlank @Size(max = 100) String familyName,
            @NotNull MemberType memberType,
            @Schema(example = "Sergeant") @NotBlank @Size(max = 60) String rank,
            @Schema(example = "12") @NotNull @Min(0) @Max(50) Integer yearsOfService,
            @Schema(example = "[\"en\", \"fr\"]") @NotEmpty @Size(max = 10) List<@NotNull @LanguageCode String> languages,
            @Size(max = 8) List<@NotNull PositionRole> specialties,
            @Valid Clearance securityClearance,
            @Schema(example = "2027-12-31") LocalDate medicalClearanceExpiry) {
    }

    @Schema(name = "OfficerChanges", description = "Fields to change (JSON merge patch); absent fields stay as they are")
    public record OfficerChanges(
            @Schema(example = "Marie") @Size(min = 1, max = 100) String givenName,
            @Schema(example = "Tremblay-Roy") @Size(min = 1, max = 100) String familyName,
            @Schema(example = "Staff Sergeant") @Size(min = 1, max = 60) String rank,
            @Schema(example = "13") @Min(0) @Max(50) Integer yearsOfService,
            @Size(min = 1, max = 10) List<@NotNull @LanguageCode String> languages,
            @Size(max = 8) List<@NotNull PositionRole> specialties,
            @Valid Clearance securityClearance,
            LocalDate medicalClearanceExpiry) {
    }
}
