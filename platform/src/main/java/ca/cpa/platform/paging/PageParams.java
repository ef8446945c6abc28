package ca.cpa.platform.paging;

import ca.cpa.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of every list. They are read as text so
 * that {@code size=abc} is a 400 that names the parameter, not a bare 404.
 */
public class PageParams {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Keeps page × size, the offset, well inside an int. */
    public static final int MAX_PAGE = 10_000_000;

    @QueryParam("page")
    @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "10000000", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, at most 100", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
    String size;

    public PageRequest request() {
        return new PageRequest(parse("page", page, 0, 0, MAX_PAGE),
                parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static int parse(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range that is accepted
        }
        throw ProblemException.invalidField(name, "problem.field.integer-between", min, max);
    }
}
