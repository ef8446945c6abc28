package ca.cpa.personnel.candidacy;

import ca.cpa.events.mission.MemberType;
import ca.cpa.events.mission.PositionRole;
import ca.cpa.personnel.officer.Officer;
import ca.cpa.personnel.request.KnownPosition;
import ca.cpa.personnel.request.KnownRequest;
import ca.cpa.personnel.request.RequestStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static ca.cpa.personnel.candidacy.Screening.Reason.ALREADY_DEPLOYED_OR_PLANNED;
import static ca.cpa.personnel.candidacy.Screening.Reason.LANGUAGE;
import static ca.cpa.personnel.candidacy.Screening.Reason.MEDICAL_CLEARANCE_EXPIRES;
import static ca.cpa.personnel.candidacy.Screening.Reason.REQUEST_NOT_AUTHORIZED;
import static ca.cpa.personnel.candidacy.Screening.Reason.SECURITY_CLEARANCE_EXPIRES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The screening rules, without HTTP or a database. */
class ScreeningRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static KnownRequest haitiRequest(RequestStatus status) {
        KnownRequest request = new KnownRequest();
        request.status = status;
        request.durationMonths = 12;
        request.positions = List.of(new KnownPosition(PositionRole.COMMUNITY_POLICING, 4, List.of("fr", "en"), 5,
                MemberType.SWORN_OFFICER));
        return request;
    }

    private static Officer officer(List<String> languages, LocalDate clearance, LocalDate medical) {
        Officer officer = new Officer();
        officer.languages = languages;
        officer.yearsOfService = 8;
        officer.memberType = MemberType.SWORN_OFFICER;
        officer.clearanceExpiry = clearance;
        officer.medicalExpiry = medical;
        return officer;
    }

    @Test
    void anOfficerWhoMeetsEveryRuleIsEligible() {
        Screening screening = Screening.of(officer(List.of("en", "fr"), TODAY.plusMonths(13), TODAY.plusMonths(13)),
                haitiRequest(RequestStatus.AUTHORIZED), PositionRole.COMMUNITY_POLICING, TODAY, false);
        assertTrue(screening.eligible());
    }

    @Test
    void everyReasonThatAppliesIsListed() {
        Screening screening = Screening.of(officer(List.of("en"), null, TODAY.plusMonths(11)),
                haitiRequest(RequestStatus.SUBMITTED), PositionRole.COMMUNITY_POLICING, TODAY, true);
        assertEquals(List.of(REQUEST_NOT_AUTHORIZED, LANGUAGE, SECURITY_CLEARANCE_EXPIRES, MEDICAL_CLEARANCE_EXPIRES,
                ALREADY_DEPLOYED_OR_PLANNED), screening.reasons());
    }

    @Test
    void aClearanceMustLastUntilTheTourEnds() {
        KnownRequest request = haitiRequest(RequestStatus.AUTHORIZED);
        assertEquals(List.of(SECURITY_CLEARANCE_EXPIRES), Screening.of(officer(List.of("fr", "en"),
                TODAY.plusMonths(12).minusDays(1), TODAY.plusYears(2)), request, PositionRole.COMMUNITY_POLICING, TODAY,
                false).reasons());
        assertTrue(Screening.of(officer(List.of("fr", "en"), TODAY.plusMonths(12), TODAY.plusYears(2)), request,
                PositionRole.COMMUNITY_POLICING, TODAY, false).eligible());
    }
}
