package org.inclusionmatch.profile.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads an enum from a query parameter; a wrong value is a 400 naming the allowed ones (JAX-RS would say 404). */
public final class EnumParam {

    private EnumParam() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ApiException.invalidField(parameter, "must be one of " + allowed);
        }
    }
}
