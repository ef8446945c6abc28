package ca.cpa.platform.http;

import ca.cpa.platform.problem.ProblemException;
import ca.cpa.platform.validation.CountryCode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Filters given as query parameters, parsed so that a bad value is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalidField(name, "problem.field.not-one-of", allowed);
        }
    }

    /** An ISO 3166-1 alpha-2 country code, as a filter. */
    public static String countryCode(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.trim();
        if (!CountryCode.Validator.isCountry(code)) {
            throw ProblemException.invalidField(name, "problem.field.country-code");
        }
        return code;
    }

    public static Boolean bool(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "problem.field.boolean");
        };
    }

    public static Integer integer(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "problem.field.integer");
        }
    }

    /** An ISO 8601 date ({@code 2026-11-27}), as a filter. */
    public static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "problem.field.date");
        }
    }

    public static UUID uuid(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "problem.field.not-a-uuid");
        }
    }
}
