package dev.reportgateway.web.openapi;

/** Example bodies of the OpenAPI document; compile-time constants so annotations can use them. */
public final class OpenApiExamples {

    /** The {@code report_data} of the platform's "Creating a billing report" guide (tenant = the sandbox partner). */
    public static final String SEED_REPORT = """
            {
              "recipients": ["ca451758-b48a-45d9-9ae6-8f1059f67619", "ab00e527-219b-481b-b01b-311b5be0ed3c"],
              "parameters": {
                "kind": "usage_summary",
                "tenant_id": "ede9f834-70b3-476c-83d9-736f9f8c7dae",
                "level": "accounts",
                "period": {"start": "2017-05-01", "end": "2017-05-07"},
                "formats": ["csv", "html"],
                "hide_zero_usage": true,
                "show_skus": true
              },
              "schedule": {"type": "once"},
              "generation_date": "2017-05-08",
              "result_action": "send"
            }
            """;

    /** A monthly billing report whose files are kept (and downloadable) rather than mailed. */
    public static final String SAVE_REPORT = """
            {
              "parameters": {
                "kind": "usage_current",
                "tenant_id": "ede9f834-70b3-476c-83d9-736f9f8c7dae",
                "level": "accounts",
                "formats": ["csv_v2_0", "json_v2_0"],
                "hide_zero_usage": false,
                "show_skus": true
              },
              "schedule": {"type": "monthly", "enabled": true},
              "result_action": "save"
            }
            """;

    /** Switches a scheduled report off. */
    public static final String DISABLE_SCHEDULE = """
            {"schedule": {"enabled": false}}
            """;

    /** A report as the platform (and so the gateway) answers it. */
    public static final String REPORT = """
            {
              "id": "20dffb36-d77b-45c6-b2fa-39276e98d5fc",
              "version": 1,
              "recipients": ["ca451758-b48a-45d9-9ae6-8f1059f67619", "ab00e527-219b-481b-b01b-311b5be0ed3c"],
              "result_action": "send",
              "parameters": {
                "kind": "usage_summary",
                "tenant_id": "ede9f834-70b3-476c-83d9-736f9f8c7dae",
                "level": "accounts",
                "period": {"start": "2017-05-01", "end": "2017-05-07"},
                "formats": ["csv", "html"],
                "hide_zero_usage": true,
                "show_skus": true
              },
              "schedule": {"type": "once", "enabled": true},
              "generation_date": "2017-05-08"
            }
            """;

    public static final String UUID_LIST = """
            {"items": ["20dffb36-d77b-45c6-b2fa-39276e98d5fc", "6c1e0c8e-5a4f-4d4b-9c57-0a4b8f1d2e3f"]}
            """;

    public static final String STORED_REPORTS = """
            {
              "items": [
                {"id": "0a6f1c7e-3b2d-4e59-8f61-2c9d7b4a1e05", "report_format": "csv_v2_0", "size": 18342,
                 "created_at": "2026-11-01T00:05:12+00:00", "status": "saved"},
                {"id": "5d2b9e44-8c1a-4f3e-b7d6-91e0a3c4f812", "report_format": "json_v2_0",
                 "created_at": "2026-11-01T00:05:12+00:00", "status": "in_progress"}
              ]
            }
            """;

    public static final String USAGE = """
            {
              "report_id": "20dffb36-d77b-45c6-b2fa-39276e98d5fc",
              "stored_report_id": "0a6f1c7e-3b2d-4e59-8f61-2c9d7b4a1e05",
              "format": "csv_v2_0",
              "tenant_id": "3f5a2c1d-9b8e-4a7f-8c6d-5e4f3a2b1c0d",
              "totals": {
                "tenant_items": [
                  {"tenant_id": "3f5a2c1d-9b8e-4a7f-8c6d-5e4f3a2b1c0d", "tenant_name": "Customer 01", "tenant_kind": "customer",
                   "offering_item": "storage", "unit": "GiB",
                   "absolute": {"production": 12.50, "total": 12.50, "trial": 0.00},
                   "delta": {"production": 1.25, "total": 1.25, "trial": 0.00},
                   "effective": {"production": 12.50, "total": 12.50, "trial": 0.00}}
                ],
                "items": [
                  {"offering_item": "storage", "unit": "GiB", "customers": 1,
                   "absolute": {"production": 12.50, "total": 12.50, "trial": 0.00},
                   "delta": {"production": 1.25, "total": 1.25, "trial": 0.00},
                   "effective": {"production": 12.50, "total": 12.50, "trial": 0.00}}
                ]
              },
              "rows": [
                {"tenant_id": "3f5a2c1d-9b8e-4a7f-8c6d-5e4f3a2b1c0d", "tenant_name": "Customer 01", "tenant_kind": "customer",
                 "offering_item": "storage", "sku": "SKU-STORAGE-GB", "edition": "standard", "unit": "bytes",
                 "infra_id": "e7a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b",
                 "absolute": {"production": 13421772800, "total": 13421772800, "trial": 0},
                 "delta": {"production": 1342177280, "total": 1342177280, "trial": 0},
                 "effective": {"production": 13421772800, "total": 13421772800, "trial": 0},
                 "converted": {"unit": "GiB",
                   "absolute": {"production": 12.50, "total": 12.50, "trial": 0.00},
                   "delta": {"production": 1.25, "total": 1.25, "trial": 0.00},
                   "effective": {"production": 12.50, "total": 12.50, "trial": 0.00}}}
              ]
            }
            """;

    public static final String USAGE_CSV = """
            tenant_id,tenant_name,tenant_kind,offering_item,sku,edition,unit,infra_id,absolute_production,absolute_total,\
            absolute_trial,delta_production,delta_total,delta_trial,effective_production,effective_total,effective_trial,\
            converted_unit,converted_absolute_production,converted_absolute_total,converted_absolute_trial,\
            converted_delta_production,converted_delta_total,converted_delta_trial,converted_effective_production,\
            converted_effective_total,converted_effective_trial
            3f5a2c1d-9b8e-4a7f-8c6d-5e4f3a2b1c0d,Customer 01,customer,storage,SKU-STORAGE-GB,standard,bytes,\
            e7a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b,13421772800,13421772800,0,1342177280,1342177280,0,13421772800,13421772800,0,\
            GiB,12.50,12.50,0.00,1.25,1.25,0.00,12.50,12.50,0.00
            """;

    public static final String INVALID_REQUEST = """
            {
              "type": "urn:report-gateway:problem:invalid-request",
              "title": "Invalid request",
              "status": 400,
              "detail": "2 fields are invalid; nothing was sent to the Acronis platform.",
              "instance": "/api/2/reports",
              "errors": [
                {"field": "parameters.show_sku", "message": "unknown field; allowed here: tenant_id, level, kind, formats, period, hide_zero_usage, show_skus"},
                {"field": "parameters.period.end", "message": "must not be after today (2026-11-27, UTC): the platform refuses future periods"}
              ]
            }
            """;

    public static final String VERSION_MISMATCH = """
            {
              "type": "urn:report-gateway:problem:version-mismatch",
              "title": "Version mismatch",
              "status": 409,
              "detail": "The report's version has changed: fetch it again and retry with its current version.",
              "instance": "/api/2/reports/20dffb36-d77b-45c6-b2fa-39276e98d5fc",
              "upstream": {"status": 409, "code": 1001, "message": "Version mismatch", "domain": "PlatformAccountServer"}
            }
            """;

    public static final String UNAUTHENTICATED = """
            {
              "type": "urn:report-gateway:problem:unauthenticated",
              "title": "Unauthenticated",
              "status": 401,
              "detail": "Send a gateway API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
              "instance": "/api/2/reports"
            }
            """;

    private OpenApiExamples() {
    }
}
