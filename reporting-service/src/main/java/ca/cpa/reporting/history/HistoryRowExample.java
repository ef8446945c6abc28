package ca.cpa.reporting.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of one row of a JSON history file; rows are read as they stream in, not bound to this type. */
@Schema(name = "HistoryRow", description = "One past deployment; all text. partnerOrganization may be null.")
record HistoryRowExample(
        @Schema(example = "MINUSTAH", maxLength = 32, pattern = "^[A-Z][A-Z0-9-]{1,31}$") String missionCode,
        @Schema(example = "United Nations Stabilization Mission in Haiti", maxLength = 200) String missionName,
        @Schema(example = "HT", maxLength = 2, pattern = "^[A-Z]{2}$") String hostCountry,
        @Schema(example = "United Nations", maxLength = 200, nullable = true) String partnerOrganization,
        @Schema(example = "RCMP", maxLength = 16, pattern = "^[A-Z][A-Z0-9-]{1,15}$") String policeServiceCode,
        @Schema(description = "A pseudonymous key: a UUID, or 8 to 64 hexadecimal digits with letters and digits; never a name or a service number",
                example = "3f2a9c1e-77b0-4d1e-9a51-0c6f2d8e4b10", maxLength = 64, pattern = "^[0-9A-Fa-f-]{8,64}$") String officerRef,
        @Schema(enumeration = {"SWORN_OFFICER", "CIVILIAN_MEMBER"}) String memberType,
        @Schema(format = "date", example = "2004-09-01", maxLength = 10) String startDate,
        @Schema(format = "date", example = "2005-03-31", maxLength = 10) String endDate) {
}
