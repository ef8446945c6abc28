package ca.cpa.platform.paging;

import io.quarkus.panache.common.Page;

/** Which page of a list a client asked for. */
public record PageRequest(int page, int size) {

    public Page toPanache() {
        return Page.of(page, size);
    }
}
