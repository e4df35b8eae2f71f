package dev.reportgateway.web;

import jakarta.ws.rs.core.MediaType;

/** How the usage endpoints choose between their two answers. */
final class UsageMediaTypes {

    /** The media type of a usage CSV answer. */
    static final String CSV = "text/csv; charset=UTF-8";

    private UsageMediaTypes() {
    }

    /** CSV for {@code Accept: text/csv} without {@code application/json}; JSON otherwise. */
    static boolean csv(String accept) {
        return accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
    }
}
