package dev.reportgateway.invoice;

import java.util.List;

/** An invoice CSV asked for while billable items have no price: an import would bill less than was used. */
public class UnpricedItemsException extends RuntimeException {

    private final transient List<Invoice.Unpriced> unpriced;

    public UnpricedItemsException(List<Invoice.Unpriced> unpriced) {
        super(unpriced.size() + " billable item(s) have no price", null, false, false);
        this.unpriced = List.copyOf(unpriced);
    }

    public List<Invoice.Unpriced> unpriced() {
        return unpriced;
    }
}
