package dev.reportgateway.report;

import java.util.List;

/** A request the gateway refuses before any upstream call, with every field error found at once. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() == 1 ? "1 invalid field" : errors.size() + " invalid fields", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
