package ca.cpa.platform.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to ask for the others. */
public record PageResponse<T>(
        @Schema(maxItems = PageParams.MAX_SIZE) List<T> items,
        @Schema(example = "0") int page,
        @Schema(example = "20") int size,
        @Schema(example = "57") long totalItems,
        @Schema(example = "3") int totalPages) {

    public static <E, T> PageResponse<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> toItem) {
        return ofPage(query, request, entities -> entities.stream().map(toItem).toList());
    }

    /** For items that need more than their own entity: the whole page is mapped at once (one lookup, not one per item). */
    public static <E, T> PageResponse<T> ofPage(PanacheQuery<E> query, PageRequest request,
                                                Function<List<E>, List<T>> toItems) {
        List<T> items = toItems.apply(query.page(request.toPanache()).list());
        long total = query.count();
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageResponse<>(items, request.page(), request.size(), total, pages);
    }
}
