package ca.cpa.platform.paging;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The where-clause of a list, built from optional filters: a filter the client did not give
 * is left out, and no filter at all lists everything (Panache reads an empty query so).
 */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code condition}, which names the parameter {@code :name}, when {@code value} is given. */
    public Filter and(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.and(name, value);
        }
        return this;
    }

    /** Adds a condition whose parameters the caller gives with {@link #with}. */
    public Filter and(String condition) {
        conditions.add(condition);
        return this;
    }

    public Filter with(String name, Object value) {
        parameters.and(name, value);
        return this;
    }

    public String query() {
        return String.join(" and ", conditions);
    }

    public Parameters parameters() {
        return parameters;
    }
}
