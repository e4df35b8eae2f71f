package dev.reportgateway.web;

import java.util.Set;

/** The roles a gateway API key can carry. */
public final class Roles {

    /** May read reports (GET). */
    public static final String READER = "reports-reader";
    /** May create, update and delete reports (POST, PUT, DELETE). */
    public static final String WRITER = "reports-writer";
    /** Every role, e.g. for the sandbox development key. */
    public static final Set<String> ALL = Set.of(READER, WRITER);

    private Roles() {
    }
}
