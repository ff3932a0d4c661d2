package org.inclusionmatch.engine;

import java.time.LocalDate;
import java.util.List;

/** Normalisation shared by the input records, so the engine never has to null-check. */
final class Inputs {

    private Inputs() {
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Inclusive on both ends; a missing bound is open. */
    static boolean activeOn(LocalDate day, LocalDate start, LocalDate end) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }
}
