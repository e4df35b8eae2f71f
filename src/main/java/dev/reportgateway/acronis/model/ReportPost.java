package dev.reportgateway.acronis.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code POST /reports} (the platform's {@code reportPost}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record ReportPost(
        List<String> recipients,
        String resultAction,
        ReportParameters parameters,
        ReportSchedule schedule,
        String generationDate) {

    public ReportPost withParameters(ReportParameters newParameters) {
        return new ReportPost(recipients, resultAction, newParameters, schedule, generationDate);
    }

    public ReportPost withRecipients(List<String> newRecipients) {
        return new ReportPost(newRecipients, resultAction, parameters, schedule, generationDate);
    }
}
