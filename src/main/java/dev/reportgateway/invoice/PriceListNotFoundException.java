package dev.reportgateway.invoice;

/** No price list of that name (or no such version of it). */
public class PriceListNotFoundException extends RuntimeException {

    public PriceListNotFoundException(String name, Integer version) {
        super(version == null ? "No price list named " + name + "." : "Price list " + name + " has no version " + version + ".",
                null, false, false);
    }
}
