package org.inclusionmatch.profile.common.paging;

import java.util.List;

public final class Lists {

    private Lists() {
    }

    /** The values without repeats, in their first order; null reads as empty (JSON fields left out). */
    public static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
