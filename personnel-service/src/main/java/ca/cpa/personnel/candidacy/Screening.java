package ca.cpa.personnel.candidacy;

import ca.cpa.events.mission.PositionRole;
import ca.cpa.personnel.officer.Officer;
import ca.cpa.personnel.request.KnownPosition;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.RequestStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An officer measured against a request's position when nominated: every reason that makes
 * the officer ineligible, each with a stable code; none means eligible.
 */
public record Screening(List<Reason> reasons) {

    @Schema(name = "IneligibilityReason", description = "Why an officer cannot fill a position: the request is not authorized or is withdrawn, the role is not requested, a missing language, too few years of service, another member type, a security or medical clearance expiring before the tour ends, or already deployed or planned")
    public enum Reason {
        REQUEST_NOT_AUTHORIZED,
        REQUEST_WITHDRAWN,
        ROLE_NOT_REQUESTED,
        LANGUAGE,
        YEARS_OF_SERVICE,
        MEMBER_TYPE,
        SECURITY_CLEARANCE_EXPIRES,
        MEDICAL_CLEARANCE_EXPIRES,
        ALREADY_DEPLOYED_OR_PLANNED
    }

    /**
     * @param today the day of nomination; the tour is taken to end the request's duration later
     * @param deployedOrPlanned whether the officer has a planned or current deployment
     */
    public static Screening of(Officer officer, KnownRequest request, PositionRole role, LocalDate today,
                               boolean deployedOrPlanned) {
        List<Reason> reasons = new ArrayList<>();
        if (request.status == RequestStatus.WITHDRAWN) {
            reasons.add(Reason.REQUEST_WITHDRAWN);
        } else if (request.status != RequestStatus.AUTHORIZED) {
            reasons.add(Reason.REQUEST_NOT_AUTHORIZED);
        }
        Optional<KnownPosition> position = request.position(role);
        if (position.isEmpty()) {
            reasons.add(Reason.ROLE_NOT_REQUESTED);
        } else {
            KnownPosition wanted = position.get();
            if (!officer.speaks(wanted.languages)) {
                reasons.add(Reason.LANGUAGE);
            }
            if (officer.yearsOfService < wanted.minYearsOfService) {
                reasons.add(Reason.YEARS_OF_SERVICE);
            }
            if (officer.memberType != wanted.memberType) {
                reasons.add(Reason.MEMBER_TYPE);
            }
        }
        LocalDate tourEnd = today.plusMonths(request.durationMonths);
        if (officer.clearanceExpiry == null || officer.clearanceExpiry.isBefore(tourEnd)) {
            reasons.add(Reason.SECURITY_CLEARANCE_EXPIRES);
        }
        if (officer.medicalExpiry == null || officer.medicalExpiry.isBefore(tourEnd)) {
            reasons.add(Reason.MEDICAL_CLEARANCE_EXPIRES);
        }
        if (deployedOrPlanned) {
            reasons.add(Reason.ALREADY_DEPLOYED_OR_PLANNED);
        }
        return new Screening(List.copyOf(reasons));
    }

    public boolean eligible() {
        return reasons.isEmpty();
    }
}
