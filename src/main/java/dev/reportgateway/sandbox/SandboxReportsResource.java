package dev.reportgateway.sandbox;

import java.io.IOException;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.reportgateway.acronis.SandboxConfig;
import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.acronis.model.ReportPost;
import dev.reportgateway.acronis.model.StoredReports;

/**
 * {@code POST /reports}, {@code GET}, {@code PUT} and {@code DELETE /reports/{report_id}}, and the stored
 * reports: {@code GET /reports/{report_id}/stored} and {@code GET /reports/{report_id}/stored/{stored_report_id}}.
 * Create and update bodies are read raw and parsed here, so malformed JSON is the platform's 400
 * {@code errorScheme}, not the gateway's own format.
 */
@Path("/sandbox/api/2/reports")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxReportsResource {

    private final ObjectReader jsonReader;
    private final SandboxReportValidator validator;
    private final SandboxReports reports;
    private final SandboxConfig config;

    SandboxReportsResource(ObjectMapper mapper, SandboxReportValidator validator, SandboxReports reports,
            SandboxConfig config) {
        this.jsonReader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.validator = validator;
        this.reports = reports;
        this.config = config;
    }

    @POST
    public Report create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        if (!isJson(contentType)) {
            throw SandboxError.unsupportedMediaType();
        }
        ReportPost post = validator.validate(parse(body));
        if (!config.tenantId().equals(post.parameters().tenantId())) {
            throw SandboxError.tenantNotFound();
        }
        return reports.create(post);
    }

    @GET
    @Path("/{report_id}")
    public Report get(@PathParam("report_id") String reportId) {
        return reports.find(reportId).orElseThrow(() -> SandboxError.notFound("Report not found"));
    }

    @PUT
    @Path("/{report_id}")
    public Report update(@PathParam("report_id") String reportId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        if (!isJson(contentType)) {
            throw SandboxError.unsupportedMediaType();
        }
        return reports.update(reportId, validator.validateUpdate(parse(body)));
    }

    @GET
    @Path("/{report_id}/stored")
    public StoredReports stored(@PathParam("report_id") String reportId) {
        return new StoredReports(reports.stored(reportId));
    }

    /**
     * The file, gzip-compressed, as {@code application/octet-stream} with {@code Content-Encoding: gzip}: the
     * platform's own examples read it with {@code curl --compressed} and Python's {@code response.text}, which
     * decode only with that header, while clients that keep the raw bytes (e.g. as {@code .csv.gz}) still can.
     */
    @GET
    @Path("/{report_id}/stored/{stored_report_id}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response download(@PathParam("report_id") String reportId,
            @PathParam("stored_report_id") String storedReportId) {
        return Response.ok(reports.download(reportId, storedReportId), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .build();
    }

    @DELETE
    @Path("/{report_id}")
    public Response delete(@PathParam("report_id") String reportId, @QueryParam("version") String version) {
        reports.delete(reportId, version(version));
        return Response.noContent().build();
    }

    private JsonNode parse(byte[] body) {
        try {
            return jsonReader.readTree(body);
        } catch (JsonProcessingException malformed) {
            throw SandboxError.badRequest("body: malformed JSON: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw SandboxError.badRequest("body: unreadable JSON");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    private static long version(String version) {
        if (version == null) {
            throw SandboxError.badRequest("version: is required");
        }
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException notAnInteger) {
            throw SandboxError.badRequest("version: must be an integer");
        }
    }
}
