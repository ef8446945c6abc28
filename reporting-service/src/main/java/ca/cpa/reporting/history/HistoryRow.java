package ca.cpa.reporting.history;

import ca.cpa.events.mission.MemberType;
import ca.cpa.platform.validation.CountryCode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One row of a history file, as text, and the rules it must meet to be imported: a deployment
 * of the Program that took place, of a pseudonymous officer, since the Program began in 1989.
 *
 * @param row the row's number, 1 for the first after the header (blank lines are not counted)
 * @param values the row's text by column; a column left empty is absent or blank
 * @param readingViolations what was wrong with the row's shape (too few fields, an unknown one)
 */
public record HistoryRow(long row, Map<String, String> values, List<Violation> readingViolations) {

    public static final List<String> COLUMNS = List.of("missionCode", "missionName", "hostCountry",
            "partnerOrganization", "policeServiceCode", "officerRef", "memberType", "startDate", "endDate");
    public static final LocalDate PROGRAM_BEGAN = LocalDate.of(1989, 1, 1);

    private static final Pattern MISSION_CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,31}");
    private static final Pattern POLICE_SERVICE_CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,15}");
    /**
     * A UUID, or 8 to 64 hexadecimal digits with both letters and digits (a keyed hash, say), in
     * lower case: what a pseudonym looks like, and neither a name nor a number an officer was given.
     */
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,64}");
    private static final int MAX_NAME_LENGTH = 200;
    /** Control characters but line breaks and tabs (a NUL, say) have no place in a name; PostgreSQL stores no NUL. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** A rule a field of the row breaks: the message key and its arguments. */
    public record Violation(long row, String field, String messageKey, Object... arguments) {
    }

    /** A row that meets every rule, in its types. */
    public record Deployment(long row, String missionCode, String missionName, String hostCountry,
                             String partnerOrganization, String policeServiceCode, String officerRef,
                             MemberType memberType, LocalDate startDate, LocalDate endDate) {
    }

    /** The deployment, when every rule holds; the violations otherwise (never both). */
    public record Checked(Deployment deployment, List<Violation> violations) {
    }

    public Checked check(LocalDate today) {
        List<Violation> violations = new ArrayList<>(readingViolations);
        String missionCode = required("missionCode", violations);
        if (missionCode != null && !MISSION_CODE.matcher(missionCode).matches()) {
            violations.add(violation("missionCode", "history.mission-code.pattern"));
        }
        String missionName = name("missionName", true, violations);
        String hostCountry = required("hostCountry", violations);
        if (hostCountry != null && !CountryCode.Validator.isCountry(hostCountry)) {
            violations.add(violation("hostCountry", "history.country.unknown"));
        }
        String partnerOrganization = name("partnerOrganization", false, violations);
        String policeServiceCode = required("policeServiceCode", violations);
        if (policeServiceCode != null && !POLICE_SERVICE_CODE.matcher(policeServiceCode).matches()) {
            violations.add(violation("policeServiceCode", "history.police-service-code.pattern"));
        }
        // an officer's id in personnel-service is a pseudonym too: in lower case, the two match
        String officerRef = lowerCase(required("officerRef", violations));
        if (officerRef != null && !PSEUDONYM.matcher(officerRef).matches()) {
            violations.add(violation("officerRef", "history.officer-ref.not-pseudonymous"));
        }
        MemberType memberType = memberType(violations);
        LocalDate startDate = date("startDate", violations);
        LocalDate endDate = date("endDate", violations);
        if (startDate != null && startDate.isBefore(PROGRAM_BEGAN)) {
            violations.add(violation("startDate", "history.start.before-program", PROGRAM_BEGAN.toString()));
        }
        if (startDate != null && startDate.isAfter(today)) {
            violations.add(violation("startDate", "history.start.in-future"));
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            violations.add(violation("endDate", "history.end.before-start"));
        }
        if (!violations.isEmpty()) {
            return new Checked(null, violations);
        }
        return new Checked(new Deployment(row, missionCode, missionName, hostCountry, partnerOrganization,
                policeServiceCode, officerRef, memberType, startDate, endDate), List.of());
    }

    private static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private String text(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String required(String column, List<Violation> violations) {
        String value = text(column);
        if (value == null) {
            violations.add(violation(column, "history.required"));
        }
        return value;
    }

    private String name(String column, boolean required, List<Violation> violations) {
        String value = required ? required(column, violations) : text(column);
        if (value != null && value.length() > MAX_NAME_LENGTH) {
            violations.add(violation(column, "history.too-long", MAX_NAME_LENGTH));
        } else if (value != null && CONTROL.matcher(value).find()) {
            violations.add(violation(column, "history.control-character"));
        }
        return value;
    }

    private MemberType memberType(List<Violation> violations) {
        String value = required("memberType", violations);
        if (value == null) {
            return null;
        }
        try {
            return MemberType.valueOf(value);
        } catch (IllegalArgumentException e) {
            violations.add(violation("memberType", "history.member-type.unknown"));
            return null;
        }
    }

    private LocalDate date(String column, List<Violation> violations) {
        String value = required(column, violations);
        if (value == null) {
            return null;
        }
        try {
            if (!DATE.matcher(value).matches()) {
                throw new DateTimeParseException("not yyyy-mm-dd", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(violation(column, "history.date.invalid"));
            return null;
        }
    }

    private Violation violation(String field, String key, Object... arguments) {
        return new Violation(row, field, key, arguments);
    }
}
