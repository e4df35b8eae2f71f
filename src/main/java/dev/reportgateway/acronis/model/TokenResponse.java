package dev.reportgateway.acronis.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Answer of {@code POST /idp/token} (the platform's {@code token}). {@code expires_on} is absolute Unix
 * seconds; {@code expires_in}, relative seconds, may be absent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record TokenResponse(
        String accessToken,
        String tokenType,
        Long expiresIn,
        Long expiresOn,
        String idToken) {
}
