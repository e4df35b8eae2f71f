package dev.reportgateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the log filter masks, and what it leaves alone. */
class CredentialRedactionFilterTest {

    private final CredentialRedactionFilter filter = new CredentialRedactionFilter(
            Optional.of("fake-secret-value-42"), Optional.of("fake-static-token-7"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Authorization: Bearer eyJhbGciOi.payload.sig | Authorization: Bearer ***",
            "headers: {Authorization=Basic ZmFrZTpzZWNyZXQ=} | headers: {Authorization=Basic ***}",
            "{\"access_token\":\"abc.def\",\"token_type\":\"bearer\"} | {\"access_token\":\"***\",\"token_type\":\"bearer\"}",
            "grant_type=client_credentials&client_secret=s3cr3t | grant_type=client_credentials&client_secret=***",
            "the secret is fake-secret-value-42! | the secret is ***!",
            "static fake-static-token-7 used | static *** used",
            "Created report 20dffb36-d77b-45c6-b2fa-39276e98d5fc version 1 | Created report 20dffb36-d77b-45c6-b2fa-39276e98d5fc version 1",
            "token_type=bearer | token_type=bearer"})
    void masksCredentialsOnly(String line, String expected) {
        assertEquals(expected, filter.redact(line));
    }
}
