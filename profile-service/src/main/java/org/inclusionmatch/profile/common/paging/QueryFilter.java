package org.inclusionmatch.profile.common.paging;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The where-clause of a list query, joined from fixed fragments with named parameters: absent filters add nothing,
 * and nothing a caller sends ever becomes part of the query text, only a parameter value. Callers do not append to
 * {@link #where()}; every condition goes through this class, so the clause is always well-formed.
 */
public final class QueryFilter {

    /** A field path of an entity ({@code organisation.id}), never anything that could end a condition. */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** {@code field = value}, when a value is given. */
    public QueryFilter equal(String field, Object value) {
        return when(value, field(field) + " = :" + param(field), param(field));
    }

    /** The array column {@code field} contains {@code value}, when a value is given. */
    public QueryFilter contains(String field, String value) {
        return when(value, "array_contains(" + field(field) + ", :" + param(field) + ")", param(field));
    }

    /** A fixed condition on the named parameter {@code :parameter}, applied when a value is given. */
    public QueryFilter when(Object value, String condition, String parameter) {
        if (value != null) {
            always(condition, parameter, value);
        }
        return this;
    }

    /** A fixed condition on the named parameter {@code :parameter} that always applies. */
    public QueryFilter always(String condition, String parameter, Object value) {
        if (!PARAMETER.matcher(parameter).matches() || !condition.contains(":" + parameter)) {
            throw new IllegalArgumentException("the condition must use its parameter :" + parameter);
        }
        clauses.add(condition);
        parameters.and(parameter, value);
        return this;
    }

    private static String field(String field) {
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("not a field path: " + field);
        }
        return field;
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
