package ca.cpa.platform.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem details document: the body of every error this suite answers. Its
 * OpenAPI schema is written by {@code ApiDocumentFilter}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:cpa:problem:";
    /** A body with more invalid fields than this lists the first ones only; the detail counts them all. */
    public static final int MAX_FIELD_ERRORS = 100;

    /** A problem of {@code kind} (its type and title follow from the kind) in {@code locale}. */
    public static Problem of(Locale locale, int status, String kind, String detail, String instance,
                             List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + kind, Messages.get(locale, "problem." + kind + ".title"), status, detail,
                instance, errors == null || errors.isEmpty() ? null : errors.stream().limit(MAX_FIELD_ERRORS).toList());
    }

    /** @param row in an uploaded file, the row of the invalid field (1 for the first after the header); null otherwise */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(
            Long row,
            String field,
            String message) {

        public FieldError(String field, String message) {
            this(null, field, message);
        }
    }
}
