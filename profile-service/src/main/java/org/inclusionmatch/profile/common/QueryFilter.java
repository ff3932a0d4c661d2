package org.inclusionmatch.profile.common;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;

/** Builds the where-clause of a list query from the filters the caller gave; absent filters add nothing. */
public final class QueryFilter {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    public QueryFilter equal(String field, Object value) {
        return add(field + " = :" + param(field), field, value);
    }

    /** The array column {@code field} contains {@code value}. */
    public QueryFilter contains(String field, String value) {
        return add("array_contains(" + field + ", :" + param(field) + ")", field, value);
    }

    private QueryFilter add(String clause, String field, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.and(param(field), value);
        }
        return this;
    }

    private static String param(String field) {
        return field.replace('.', '_');
    }

    public String where() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Parameters parameters() {
        return parameters;
    }
}
