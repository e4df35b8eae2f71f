package dev.reportgateway.web;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.reportgateway.acronis.model.Report;
import dev.reportgateway.report.ReportService;

/**
 * The platform's reports API, spoken by the gateway: same paths, JSON and status codes as
 * {@code <data center>/api/2}, so a script written for the platform works by changing its base URL.
 */
@Path("/api/2")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;
    private final JsonBodies bodies;

    ReportResource(ReportService reports, JsonBodies bodies) {
        this.reports = reports;
        this.bodies = bodies;
    }

    /** Validates, fills defaults, creates; answers 200 with the platform's report (keep its id and version). */
    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Report create(InputStream body) {
        return reports.create(bodies.read(body));
    }

    /** The report's configuration, including its current version. */
    @GET
    @Path("/reports/{report_id}")
    public Report fetch(@RestPath("report_id") String reportId) {
        return reports.fetch(reportId);
    }

    /** Deletes the report; {@code version} is required and must be current (else 409, platform code 1001). */
    @DELETE
    @Path("/reports/{report_id}")
    public RestResponse<Void> delete(@RestPath("report_id") String reportId, @RestQuery("version") String version) {
        reports.delete(reportId, version);
        return RestResponse.noContent();
    }
}
