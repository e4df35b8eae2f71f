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
            "token_type=bearer | token_type=bearer",
            "Basic YTpi | Basic ***",
            "Bearer Zm9v. | Bearer ***",
            "send it as the Bearer token or X-API-Key): 3f9a0c | send it as the Bearer token or X-API-Key): 3f9a0c",
            "WWW-Authenticate: Bearer realm=\"gateway\" | WWW-Authenticate: Bearer realm=\"gateway\"",
            "upstream https://fake-user:fake-p@ss@eu2-cloud.acronis.com/api/2 | upstream https://***@eu2-cloud.acronis.com/api/2",
            "at http://token@127.0.0.1:8080/x?a=b@c | at http://***@127.0.0.1:8080/x?a=b@c"})
    void masksCredentialsOnly(String line, String expected) {
        assertEquals(expected, filter.redact(line));
    }
}
