package dev.reportgateway.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportgateway.acronis.AcronisApiException;
import dev.reportgateway.acronis.AcronisUnavailableException;
import dev.reportgateway.acronis.UpstreamPolicyConfig;
import dev.reportgateway.billing.RunProblems;
import dev.reportgateway.billing.RunStageException;
import dev.reportgateway.report.InvalidRequestException;
import dev.reportgateway.report.StoredReportUnavailableException;
import dev.reportgateway.spool.SpoolLimitException;
import dev.reportgateway.usage.UnsupportedUsageFormatException;
import dev.reportgateway.usage.UsageFormatException;
import dev.reportgateway.usage.UsageLimitException;

/** A failed run's problem is the one an API call failing the same way answers ({@link ProblemMappers}). */
@ApplicationScoped
class RunFailureProblems implements RunProblems {

    private final ProblemMappers mappers;
    private final ObjectMapper json;

    RunFailureProblems(UpstreamPolicyConfig policy, ObjectMapper json) {
        this.mappers = new ProblemMappers(policy);
        this.json = json;
    }

    @Override
    public ObjectNode describe(Throwable failure, String instance) {
        Problem problem = problem(failure);
        return json.valueToTree(new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), instance,
                problem.errors(), problem.upstream()));
    }

    private Problem problem(Throwable failure) {
        if (failure instanceof RunStageException stage) {
            return new Problem(Problem.TYPE_PREFIX + stage.slug(), stage.title(), stage.status(), stage.getMessage(), null, null, null);
        }
        var answer = failure instanceof InvalidRequestException invalid ? mappers.invalidRequest(invalid, null)
                : failure instanceof AcronisApiException rejected ? mappers.upstreamError(rejected, null)
                : failure instanceof AcronisUnavailableException unavailable ? mappers.upstreamUnavailable(unavailable, null)
                : failure instanceof StoredReportUnavailableException stored ? mappers.storedReportUnavailable(stored, null)
                : failure instanceof UnsupportedUsageFormatException unsupported ? mappers.notParseable(unsupported, null)
                : failure instanceof UsageFormatException malformed ? mappers.malformedReport(malformed, null)
                : failure instanceof UsageLimitException || failure instanceof SpoolLimitException
                        ? mappers.reportPastLimit((RuntimeException) failure, null)
                : failure instanceof CircuitBreakerOpenException open ? mappers.circuitOpen(open, null)
                : failure instanceof BulkheadException full ? mappers.overloaded(full, null)
                : mappers.unexpected(failure instanceof Exception exception ? exception : new IllegalStateException(failure), null);
        return answer.getEntity();
    }
}
