package dev.reportgateway.billing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the failure of a run's stage into the problem body an API call failing the same way would answer
 * (implemented by the web layer, which owns problem answers).
 */
public interface RunProblems {

    /** The RFC 9457 problem of {@code failure}; {@code instance} is the run's path. */
    ObjectNode describe(Throwable failure, String instance);
}
