package ca.cpa.gateway;

/**
 * The stand-ins' OpenAPI documents: a problem schema all share, and a {@code Mission} schema
 * that personnel-service defines differently from mission-service (a name clash to resolve).
 */
final class OpenApiDocuments {

    private static final String PROBLEM = """
            "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}""";
    private static final String BEARER = """
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}""";

    static final String MISSION = """
            {"openapi": "3.1.0", "info": {"title": "mission-service", "version": "1"},
             "tags": [{"name": "Missions"}],
             "paths": {"/api/v1/missions": {"get": {"operationId": "listMissions", "tags": ["Missions"],
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Mission"}}}},
                               "400": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {"Mission": {"type": "object", "properties": {"code": {"type": "string"}}}, %s}, %s}}
            """.formatted(PROBLEM, BEARER);

    static final String PERSONNEL = """
            {"openapi": "3.1.0", "info": {"title": "personnel-service", "version": "1"},
             "tags": [{"name": "Officers"}],
             "paths": {"/api/v1/officers": {"get": {"operationId": "listOfficers", "tags": ["Officers"],
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Posting"}}}}}}}},
             "components": {"schemas": {
                 "Mission": {"type": "object", "properties": {"ceiling": {"type": "integer"}}},
                 "Posting": {"type": "object", "properties": {"mission": {"$ref": "#/components/schemas/Mission"}}}, %s}, %s}}
            """.formatted(PROBLEM, BEARER);

    static final String AUTHORIZATION = """
            {"openapi": "3.1.0", "info": {"title": "authorization-service", "version": "1"},
             "tags": [{"name": "Authorization cases"}],
             "paths": {"/api/v1/authorization-cases": {"get": {"operationId": "listCases", "tags": ["Authorization cases"],
                 "responses": {"200": {"description": "the cases"}}}}},
             "components": {"schemas": {%s}, %s}}
            """.formatted(PROBLEM, BEARER);

    static final String REPORTING = """
            {"openapi": "3.1.0", "info": {"title": "reporting-service", "version": "1"},
             "tags": [{"name": "Reports"}],
             "paths": {"/api/v1/reports/program": {"get": {"operationId": "programReport", "tags": ["Reports"],
                 "responses": {"200": {"description": "the Program now"}}}}},
             "components": {"schemas": {%s}, %s}}
            """.formatted(PROBLEM, BEARER);

    static final String WEBHOOK = """
            {"openapi": "3.1.0", "info": {"title": "webhook-service", "version": "1"},
             "tags": [{"name": "Webhook subscriptions"}],
             "paths": {"/api/v1/webhook-subscriptions": {"get": {"operationId": "listWebhookSubscriptions",
                 "tags": ["Webhook subscriptions"], "responses": {"200": {"description": "the subscriptions"}}}}},
             "components": {"schemas": {%s}, %s}}
            """.formatted(PROBLEM, BEARER);

    private OpenApiDocuments() {
    }
}
