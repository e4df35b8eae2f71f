package dev.reportgateway.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * RFC 9457 answers for what the HTTP layer decides before, or instead of, a JAX-RS resource: unknown routes (404)
 * and methods (405), requests over the server's limits (413, 414, 431), and any failure no exception mapper
 * handled, {@link Error}s such as {@link OutOfMemoryError} included, as a 500 that names no internals.
 * <p>
 * The request-line and header limits ({@code quarkus.http.limits.max-initial-line-length}, {@code .max-header-size})
 * are enforced here rather than by the HTTP codec, whose bare answers cannot be customised: the codec's own limits
 * are raised {@value #CODEC_HEADROOM} times above them, and only a request beyond that gets the codec's empty answer.
 */
@ApplicationScoped
public class HttpProblems implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);
    /** How many times the configured request-line and header limits the HTTP codec accepts before refusing on its own. */
    static final int CODEC_HEADROOM = 4;
    /** " HTTP/1.1" after the method and the URI in the request line. */
    private static final int REQUEST_LINE_OVERHEAD = 10;
    /** ": " and CRLF around a header's name and value. */
    private static final int HEADER_OVERHEAD = 4;

    private final ObjectMapper json;
    private final int maxInitialLineLength;
    private final long maxHeaderSize;
    private final Optional<MemorySize> maxBodySize;

    HttpProblems(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096") int maxInitialLineLength,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.maxInitialLineLength = maxInitialLineLength;
        this.maxHeaderSize = maxHeaderSize.asLongValue();
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        raiseCodecLimits(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        raiseCodecLimits(options);
    }

    private void raiseCodecLimits(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), maxInitialLineLength * CODEC_HEADROOM));
        options.setMaxHeaderSize((int) Math.min(Integer.MAX_VALUE,
                Math.max(options.getMaxHeaderSize(), maxHeaderSize * CODEC_HEADROOM)));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLimits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.errorHandler(404, context -> answer(context, 404, "No such route: see /q/openapi for the gateway's API.", Map.of()));
        router.errorHandler(405, context -> answer(context, 405, "This route does not answer " + context.request().method()
                + ": see /q/openapi for the gateway's API.", Map.of()));
    }

    private void checkLimits(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method().name().length() + request.uri().length() + REQUEST_LINE_OVERHEAD > maxInitialLineLength) {
            answer(context, 414, "The request line is longer than " + maxInitialLineLength + " bytes.", Map.of());
            return;
        }
        long headerBytes = request.headers().entries().stream()
                .mapToLong(header -> header.getKey().length() + header.getValue().length() + HEADER_OVERHEAD).sum();
        if (headerBytes > maxHeaderSize) {
            answer(context, 431, "The request headers are larger than " + maxHeaderSize + " bytes.", Map.of());
            return;
        }
        String declaredLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long bodyLimit = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        if (declaredLength != null && parseLength(declaredLength) > bodyLimit) {
            // The body is not read: the connection cannot carry another request, so it ends with this answer.
            context.response().endHandler(ended -> context.request().connection().close());
            write(context, Problem.payloadTooLarge(bodyLimit, "quarkus.http.limits.max-body-size", request.path()),
                    Map.of(HttpHeaders.CONNECTION.toString(), "close"));
            return;
        }
        context.next();
    }

    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten() || failure instanceof AuthenticationException
                || failure instanceof UnauthorizedException || failure instanceof ForbiddenException) {
            // Too late to answer, or Quarkus Security's own challenge: unchanged (with lazy authentication,
            // security failures are mapped by ProblemMappers and do not get here).
            context.next();
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        if (status >= 400 && status < 500) {
            answer(context, status, "The request was refused (HTTP " + status + ").", Map.of());
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure on %s (incident %s)", context.request().path(), incident);
        write(context, Problem.internal(incident, context.request().path()), Map.of());
    }

    private void answer(RoutingContext context, int status, String detail, Map<String, String> headers) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        boolean tooLarge = status == 413;
        String title = tooLarge ? "Request body too large" : type == null ? "HTTP " + status : type.getReasonPhrase();
        String slug = tooLarge ? "payload-too-large" : "http-" + status;
        // An over-long URI is not repeated back.
        String instance = status == 414 ? null : context.request().path();
        write(context, new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instance, null, null), headers);
    }

    private void write(RoutingContext context, Problem problem, Map<String, String> headers) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a Problem is always serialisable", impossible);
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(context.response()::putHeader);
        context.response().end(body);
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }
}
