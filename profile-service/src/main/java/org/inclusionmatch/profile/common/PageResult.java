package org.inclusionmatch.profile.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total number of matching records. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageResult<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> mapper) {
        List<T> items = query.page(params.page(), params.size()).list().stream().map(mapper).toList();
        return new PageResult<>(items, params.page(), params.size(), query.count());
    }
}
