package org.inclusionmatch.profile.common.validation;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.inclusionmatch.profile.common.problem.ProblemMappers;
import org.inclusionmatch.profile.domain.InvalidInput;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads enum, date, instant and UUID query and path parameters. A value that does not read is a 400 naming the
 * parameter and the rule (JAX-RS alone would answer 404, without saying which parameter); an empty enum, date or
 * instant is taken as absent. The thrown {@link InvalidInput} reaches the caller through {@link ProblemMappers#web}.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    // Instant reaches year 1000000000, PostgreSQL's timestamptz only 294276: bounded here, not as a 500 there.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter((Class) rawType, name);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<LocalDate>(name, true, LocalDate::parse, LocalDate::toString,
                    "must be a date such as 2022-03-01", date -> JsonInputRules.inRange(date) ? null : JsonInputRules.DATE_RANGE);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<Instant>(name, true, Instant::parse, Instant::toString,
                    "must be an ISO instant such as 2026-11-23T00:00:00Z",
                    instant -> instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? "must be between the years 1 and 9999" : null);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<UUID>(name, false, UUID::fromString, UUID::toString, "must be a UUID", id -> null);
        }
        return null;
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(Class<E> type, String name) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return new Converter<>(name, true, value -> Enum.valueOf(type, value.trim()), Enum::name, "must be one of " + allowed,
                value -> null);
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    private record Converter<T>(String parameter, boolean emptyIsAbsent, Function<String, T> parse,
                                Function<T, String> format, String unreadable, Function<T, String> rangeRule)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || (emptyIsAbsent && value.isBlank())) {
                return null;
            }
            T parsed;
            try {
                parsed = parse.apply(value);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw InvalidInput.field(parameter, unreadable);
            }
            String broken = rangeRule.apply(parsed);
            if (broken != null) {
                throw InvalidInput.field(parameter, broken);
            }
            return parsed;
        }

        @Override
        public String toString(T value) {
            return value == null ? null : format.apply(value);
        }
    }
}
