package org.inclusionmatch.profile.common.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total number of matching records. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageResult<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> mapper) {
        // page * size is an int offset for Hibernate; computed as a long, because page 21474837 of 100 overflows
        // to a negative offset. No table here holds 2^31 rows, so a page that far out is simply empty.
        long offset = (long) params.page() * params.size();
        List<T> items = offset > Integer.MAX_VALUE ? List.of()
                : query.page(params.page(), params.size()).list().stream().map(mapper).toList();
        return new PageResult<>(items, params.page(), params.size(), query.count());
    }
}
