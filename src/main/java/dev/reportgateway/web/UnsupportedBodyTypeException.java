package dev.reportgateway.web;

/** A request body in a media type the operation does not read (415); the message says which it reads. */
class UnsupportedBodyTypeException extends RuntimeException {

    UnsupportedBodyTypeException(String message) {
        super(message, null, false, false);
    }
}
