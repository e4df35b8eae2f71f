package dev.reportgateway.web.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Carries the OpenAPI document's head: title, description, tags and the two ways to present a gateway API
 * key. No {@code @ApplicationPath} and no classes listed: every resource stays where its {@code @Path} puts
 * it. The embedded sandbox is left out of the document ({@code mp.openapi.scan.exclude.packages}).
 */
@OpenAPIDefinition(
        info = @Info(title = "Acronis Report Gateway", version = "0.1.0", description = """
                One safe door to the Acronis Cyber Platform usage and billing reports API.

                Under `/api/2` the gateway speaks the platform's own reports API (same paths, snake_case JSON and \
                status codes), so a script written for the platform works by changing only its base URL and using \
                a gateway API key as its bearer token. Every request is validated before anything is sent upstream; \
                the gateway holds the platform credentials and one shared platform token.

                Under `/billing` it turns a stored report into usage rows and totals in billing units \
                (DR compute points in points, storage in GiB), as JSON or CSV.

                Every error is RFC 9457 `application/problem+json` (schema `Problem`). Roles: `reports-reader` \
                for every GET, `reports-writer` for POST, PUT and DELETE."""),
        tags = {
                @Tag(name = GatewayApplication.REPORTS_TAG, description = "The platform's reports API under /api/2, "
                        + "drop-in compatible: same paths, JSON and status codes; each route makes the same call upstream."),
                @Tag(name = GatewayApplication.BILLING_TAG, description = "Stored usage reports parsed into per-customer "
                        + "usage rows and totals, in billing units.") },
        components = @Components(schemas = @Schema(name = "UpstreamCode", oneOf = { Long.class, String.class },
                description = "The platform's error code: a number (1001 = version mismatch) or a string.",
                example = "1001")))
@SecurityScheme(securitySchemeName = GatewayApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A gateway API key (not a platform token) as `Authorization: Bearer <key>`. "
                + "Keys carry the roles reports-reader and/or reports-writer.")
@SecurityScheme(securitySchemeName = GatewayApplication.API_KEY, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key",
        description = "The same gateway API key, as `X-API-Key: <key>` (used when there is no Authorization header).")
public class GatewayApplication extends Application {

    public static final String REPORTS_TAG = "Reports (Acronis-compatible)";
    public static final String BILLING_TAG = "Billing usage";
    public static final String BEARER = "gatewayBearer";
    public static final String API_KEY = "gatewayApiKey";
}
