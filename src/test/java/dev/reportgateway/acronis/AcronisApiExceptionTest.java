package dev.reportgateway.acronis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.reportgateway.acronis.model.ErrorDetail;

/** Reading the platform's error bodies: errorScheme with numeric or string codes, OAuth errors, and junk. */
class AcronisApiExceptionTest {

    @Test
    void errorSchemeWithOpenDetails() {
        ErrorDetail error = AcronisApiException.parse("""
                {"error":{"code":1006,"message":"It is prohibited to delete a non-disabled tenant.",
                 "details":{"info":"x","addition":[{"id":"1415032"}]},"context":{"id":"1415032"},"domain":"PlatformAccountServer"}}
                """);
        assertEquals(1006, error.code().intValue());
        assertEquals("It is prohibited to delete a non-disabled tenant.", error.message());
        assertEquals("PlatformAccountServer", error.domain());
        assertEquals("x", error.details().get("info"));
        assertTrue(error.details().containsKey("addition"));
    }

    @Test
    void versionMismatchIsRecognisedAsNumberOrString() {
        assertTrue(new AcronisApiException(409, AcronisApiException.parse("{\"error\":{\"code\":1001,\"message\":\"m\"}}"))
                .hasCode(AcronisApiException.VERSION_MISMATCH));
        assertTrue(new AcronisApiException(400, AcronisApiException.parse("{\"error\":{\"code\":\"1001\",\"message\":\"m\"}}"))
                .hasCode(AcronisApiException.VERSION_MISMATCH));
        assertFalse(new AcronisApiException(409, AcronisApiException.parse("{\"error\":{\"code\":1004,\"message\":\"m\"}}"))
                .hasCode(AcronisApiException.VERSION_MISMATCH));
        assertFalse(new AcronisApiException(409, null).hasCode(AcronisApiException.VERSION_MISMATCH));
    }

    @Test
    void oauthErrorOfTheIdpEndpoints() {
        ErrorDetail error = AcronisApiException.parse("{\"error\":\"access_denied\",\"error_description\":\"wrong secret\"}");
        assertEquals("access_denied", error.code().asText());
        assertEquals("wrong secret", error.message());
    }

    @Test
    void nonJsonIsKeptShortAndEmptyIsNothing() {
        assertEquals("<html>Bad Gateway</html>", AcronisApiException.parse("<html>Bad Gateway</html>").message());
        assertEquals(501, AcronisApiException.parse("x".repeat(2000)).message().length());
        assertNull(AcronisApiException.parse("  "));
        assertNull(AcronisApiException.parse(null));
    }
}
