package dev.reportgateway.upstream;

/** The {@code report_data} of the platform's "Creating a billing report" page, the project's seed. */
public final class SeedReport {

    public static final String TENANT = "ede9f834-70b3-476c-83d9-736f9f8c7dae";

    private SeedReport() {
    }

    /** The seed body for a given tenant. */
    public static String body(String tenant) {
        return """
                {
                    "recipients": [
                        "ca451758-b48a-45d9-9ae6-8f1059f67619",
                        "ab00e527-219b-481b-b01b-311b5be0ed3c"
                    ],
                    "parameters": {
                        "kind": "usage_summary",
                        "tenant_id": "%s",
                        "level": "accounts",
                        "period": {
                            "start": "2017-05-01",
                            "end": "2017-05-07"
                        },
                        "formats": [
                            "csv",
                            "html"
                        ],
                        "hide_zero_usage": true,
                        "show_skus": true
                    },
                    "schedule": {
                        "type": "once"
                    },
                    "generation_date": "2017-05-08",
                    "result_action": "send"
                }
                """.formatted(tenant);
    }
}
