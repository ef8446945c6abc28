package ca.cpa.reporting.history;

import ca.cpa.platform.http.QueryParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The years a history report covers, as its query asks them. */
public class YearSpan {

    @Parameter(description = "First year, from 1989 (the default)",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1989", maximum = "9999"))
    @QueryParam("from")
    String from;

    @Parameter(description = "Last year, at most this year (the default)",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1989", maximum = "9999"))
    @QueryParam("to")
    String to;

    public Integer from() {
        return QueryParams.integer("from", from);
    }

    public Integer to() {
        return QueryParams.integer("to", to);
    }
}
