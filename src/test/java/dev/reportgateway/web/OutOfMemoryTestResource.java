package dev.reportgateway.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only route that fails the way a starved JVM does, to see what a caller gets then. */
@Path("/test-only/out-of-memory")
public class OutOfMemoryTestResource {

    /** Message of the thrown error; it must never reach the caller. */
    static final String MESSAGE = "fake OutOfMemoryError thrown by a test";

    @GET
    @Operation(hidden = true)
    public String fail() {
        throw new OutOfMemoryError(MESSAGE);
    }
}
