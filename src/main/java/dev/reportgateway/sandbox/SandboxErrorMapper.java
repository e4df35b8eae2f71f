package dev.reportgateway.sandbox;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a {@link SandboxError} thrown by a sandbox resource into its {@code errorScheme} answer. */
public class SandboxErrorMapper {

    @ServerExceptionMapper
    public Response map(SandboxError error) {
        return error.toResponse();
    }
}
