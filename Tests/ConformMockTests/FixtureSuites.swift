import ConformCore

/// Suites in the shapes of the other APIs the mock must page like (Gradient's page/per_page with `meta`
/// and `links`, Open WebUI's fixed 30 per page under `/api`, OpenAI's unpaged `data` under `/v1`, a
/// list + get-by-id pair with `allOf`), so the mock is proven on each convention before those suites ship.
enum FixtureSuites {
    static func load(_ name: String, _ text: String) -> Suite? {
        try? SuiteLoader.load(source: SourceFile(path: "fixtures/\(name).json", text: text))
    }

    static var all: [Suite] {
        [load("gradient", gradient), load("webui", webui), load("openai", openai), load("get", get)].compactMap { $0 }
    }

    static let gradient = """
    { "suite": "fixture-gradient", "title": "Gradient-like", "source": "test", "baseUrl": "https://api.example.com",
      "auth": { "scheme": "bearer", "env": "FIXTURE_TOKEN",
                "rejection": { "status": [401], "schema": { "$ref": "#/definitions/Error" }, "invariants": ["!exists(models)"] } },
      "definitions": {
        "Error": { "type": "object", "required": ["id", "message"], "properties": { "id": { "type": "string" }, "message": { "type": "string" } } },
        "Model": { "type": "object", "required": ["uuid", "name", "is_foundational", "created_at", "agreement"], "properties": {
          "uuid": { "type": "string", "format": "uuid" }, "name": { "type": "string" }, "is_foundational": { "type": "boolean" },
          "created_at": { "type": "string", "format": "date-time" }, "upload_complete": { "type": "boolean" },
          "agreement": { "type": "object", "required": ["uuid", "name"], "properties": {
            "uuid": { "type": "string", "format": "uuid" }, "name": { "type": "string" }, "url": { "type": "string", "format": "uri" } } },
          "version": { "type": "object", "properties": { "major": { "type": "integer", "minimum": 0 }, "minor": { "type": "integer", "minimum": 0 } } },
          "usecases": { "type": "array", "items": { "type": "string", "enum": ["MODEL_USECASE_AGENT", "MODEL_USECASE_FINETUNED"] } } } },
        "List": { "type": "object", "required": ["models", "meta", "links"], "properties": {
          "models": { "type": "array", "items": { "$ref": "#/definitions/Model" } },
          "meta": { "type": "object", "required": ["page", "pages", "total"], "properties": {
            "page": { "type": "integer" }, "pages": { "type": "integer" }, "total": { "type": "integer" } } },
          "links": { "type": "object", "properties": { "pages": { "type": "object", "properties": {
            "first": { "type": "string" }, "last": { "type": "string" }, "next": { "type": "string" }, "previous": { "type": "string" } } } } } } }
      },
      "operations": [ { "id": "list", "method": "GET", "path": "/v2/gen-ai/models",
        "parameters": { "page": { "in": "query", "schema": { "type": "integer", "minimum": 1 } },
                        "per_page": { "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 200, "default": 20 } } },
        "parameterError": { "status": 400, "schema": { "$ref": "#/definitions/Error" } },
        "responses": { "200": { "schema": { "$ref": "#/definitions/List" }, "invariants": [
            "meta.total >= len(models)", "len(models) <= (request.query.per_page ?? 20)", "meta.page == (request.query.page ?? 1)",
            "meta.pages == ceil(meta.total / (request.query.per_page ?? 20))" ] },
          "400": { "schema": { "$ref": "#/definitions/Error" } } } } ],
      "walks": [ { "id": "walk", "name": "walks", "operation": "list", "pageParam": "page", "sizeParam": "per_page", "size": 7,
        "items": "models", "itemId": "uuid", "total": "meta.total", "next": "links.pages.next", "previous": "links.pages.previous",
        "checks": ["noDuplicateIds", "unionEqualsTotal", "stableTotal", "fullPages", "pastEndEmpty", "linksConsistent"],
        "pageInvariants": ["meta.page == page"] } ] }
    """

    static let webui = """
    { "suite": "fixture-webui", "title": "Open WebUI-like", "source": "test", "baseUrl": "https://api.example.com/api",
      "auth": { "scheme": "bearer", "env": "FIXTURE_WEBUI_KEY", "rejection": { "status": [401, 403] } },
      "definitions": {
        "Model": { "type": "object", "required": ["id", "name", "user_id", "created_at", "updated_at"], "properties": {
          "id": { "type": "string" }, "name": { "type": "string" }, "user_id": { "type": "string" }, "base_model_id": { "type": ["string", "null"] },
          "meta": { "type": "object", "properties": { "description": { "type": "string" }, "capabilities": { "type": "object" } } },
          "access_grants": { "type": "array", "items": { "type": "object" } }, "is_active": { "type": "boolean" },
          "created_at": { "type": "integer" }, "updated_at": { "type": "integer" } } }
      },
      "operations": [ { "id": "list", "method": "GET", "path": "/models/list",
        "parameters": { "query": { "in": "query", "schema": { "type": "string" } },
          "order_by": { "in": "query", "schema": { "type": "string", "enum": ["name", "created_at", "updated_at"] } },
          "direction": { "in": "query", "schema": { "type": "string", "enum": ["asc", "desc"], "default": "desc" } },
          "page": { "in": "query", "description": "Page number for pagination (30 items per page)", "schema": { "type": "integer", "default": 1 } } },
        "responses": { "200": { "schema": { "type": "object", "required": ["items", "total"], "properties": {
            "items": { "type": "array", "items": { "$ref": "#/definitions/Model" } }, "total": { "type": "integer" } } },
          "invariants": ["total >= len(items)", "len(items) <= 30"] } } } ],
      "cases": [
        { "id": "order-name", "operation": "list", "query": { "order_by": "name", "direction": "asc" },
          "expect": { "invariants": ["sorted(map(items, m => lower(m.name)), \\"asc\\") == map(items, m => lower(m.name))"] } },
        { "id": "order-created-desc", "operation": "list", "query": { "order_by": "created_at" },
          "expect": { "invariants": ["sorted(items[*].created_at, \\"desc\\") == items[*].created_at"] } },
        { "id": "search", "operation": "list", "query": { "query": "atlas" },
          "expect": { "invariants": ["len(items) > 0 && all(items, m => contains(lower(m.name), \\"atlas\\") || contains(lower(m.id), \\"atlas\\"))"] } } ],
      "walks": [ { "id": "walk", "name": "walks", "operation": "list", "pageParam": "page", "size": 30, "items": "items", "total": "total",
        "checks": ["noDuplicateIds", "unionEqualsTotal", "stableTotal", "fullPages", "pastEndEmpty"] } ] }
    """

    static let openai = """
    { "suite": "fixture-openai", "title": "OpenAI-like", "source": "test", "baseUrl": "https://api.openai.com/v1",
      "auth": { "scheme": "bearer", "env": "FIXTURE_OPENAI_KEY", "rejection": { "status": [401], "invariants": ["!exists(data)"] } },
      "operations": [ { "id": "list", "method": "GET", "path": "/models",
        "responses": { "200": { "schema": { "type": "object", "required": ["object", "data"], "properties": {
            "object": { "const": "list" },
            "data": { "type": "array", "items": { "type": "object", "required": ["id", "object", "created", "owned_by"], "properties": {
              "id": { "type": "string" }, "object": { "const": "model" }, "created": { "type": "integer" }, "owned_by": { "type": "string" } } } } } },
          "invariants": ["unique(data[*].id)"] } } } ],
      "cases": [ { "id": "list", "operation": "list", "expect": { "status": 200 } } ] }
    """

    static let get = """
    { "suite": "fixture-get", "title": "list and get", "source": "test", "baseUrl": "https://api.example.com",
      "auth": { "header": "x-api-key", "env": "FIXTURE_KEY", "rejection": { "status": [401, 403], "invariants": ["!exists(items)"] } },
      "definitions": {
        "Model": { "type": "object", "required": ["id", "name", "model_vendor", "status"], "properties": {
          "id": { "type": "string" }, "name": { "type": "string" },
          "model_vendor": { "type": "string", "enum": ["openai", "cohere", "anthropic"] },
          "status": { "type": "string", "enum": ["ready", "failed"] }, "object": { "const": "model" } } },
        "ModelDetail": { "allOf": [ { "$ref": "#/definitions/Model" },
          { "type": "object", "required": ["created_at"], "properties": { "created_at": { "type": "string", "format": "date-time" },
            "config": { "oneOf": [ { "$ref": "#/definitions/A" }, { "$ref": "#/definitions/B" } ], "discriminator": { "propertyName": "kind",
              "mapping": { "a": "#/definitions/A", "b": "#/definitions/B" } } } } } ] },
        "A": { "type": "object", "required": ["kind", "size"], "properties": { "kind": { "enum": ["a"] }, "size": { "type": "integer", "minimum": 1, "maximum": 8 } } },
        "B": { "type": "object", "required": ["kind", "url"], "properties": { "kind": { "enum": ["b"] }, "url": { "type": "string", "format": "uri" } } },
        "HTTPValidationError": { "type": "object", "properties": { "detail": { "type": "array", "items": { "type": "object",
          "required": ["loc", "msg", "type"], "properties": { "loc": { "type": "array" }, "msg": { "type": "string" }, "type": { "type": "string" } } } } } }
      },
      "operations": [
        { "id": "list", "method": "GET", "path": "/v5/models",
          "parameters": { "limit": { "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 1000 } },
                          "model_vendor": { "in": "query", "schema": { "type": "string", "enum": ["openai", "cohere", "anthropic"] } } },
          "parameterError": { "status": 422, "schema": { "$ref": "#/definitions/HTTPValidationError" } },
          "responses": { "200": { "schema": { "type": "object", "required": ["items", "total", "limit", "has_more"], "properties": {
              "items": { "type": "array", "items": { "$ref": "#/definitions/Model" } }, "total": { "type": "integer" },
              "limit": { "type": "integer" }, "has_more": { "type": "boolean" } } },
            "invariants": ["limit == (request.query.limit ?? 100)", "has_more == (total > len(items))", "total >= len(items)"] },
            "422": { "schema": { "$ref": "#/definitions/HTTPValidationError" } } } },
        { "id": "get", "method": "GET", "path": "/v5/models/{model_id}",
          "parameters": { "model_id": { "in": "path", "required": true, "schema": { "type": "string" } } },
          "responses": { "200": { "schema": { "$ref": "#/definitions/ModelDetail" } }, "404": { "schema": { "type": "object" } } } } ],
      "cases": [ { "id": "vendor", "operation": "list", "query": { "model_vendor": "cohere" },
                   "expect": { "invariants": ["all(items[*].model_vendor, v => v == \\"cohere\\")"] } } ],
      "crossChecks": [ { "id": "get-each", "name": "each listed model can be fetched", "list": "list", "listQuery": { "limit": 10 },
        "items": "items", "fetch": "get", "pathParam": "model_id", "agree": ["id", "name", "model_vendor", "status"], "max": 10 } ] }
    """
}
