import ConformCore

/// `suites[].catalogs[]` in the results file: what each list operation's catalog held (see `CatalogListing`).
///
/// ```json
/// {"operation": "list", "source": "walk:walk", "itemId": "id", "status": "complete", "reason": null, "requests": 3,
///  "itemCount": 2, "itemsWithoutId": 0,
///  "items": [{"id": "model-0001", "hash": "9f86d0…", "members": [{"name": "id", "hash": "1c4a…", "value": "\"model-0001\""}]}],
///  "confirmation": null}
/// ```
extension JSONReport {
    /// A listing; with `items` false its items are left out (an empty array) for `render` to stream.
    static func catalog(_ c: CatalogListing, items: Bool = true) -> JSONValue {
        .object(JSONObject([
            ("operation", .string(c.operation)),
            ("source", .string(c.source)),
            ("itemId", .string(c.itemId)),
            ("status", .string(c.status.rawValue)),
            ("reason", optional(c.reason)),
            ("requests", JSONValue(c.requests)),
            ("itemCount", JSONValue(c.items.count)),
            ("itemsWithoutId", JSONValue(c.itemsWithoutId)),
            ("items", .array(items ? c.items.map(catalogItem) : [])),
            ("confirmation", c.confirmation.map(confirmation) ?? .null),
        ]))
    }

    static func catalogItem(_ i: CatalogItem) -> JSONValue {
        .object(JSONObject([
            ("id", .string(i.id)),
            ("hash", .string(i.hash.hex)),
            ("members", i.members.map { .array($0.map { m in
                .object(JSONObject([("name", .string(m.name)), ("hash", .string(m.hash)), ("value", .string(m.value))]))
            }) } ?? .null),
        ]))
    }

    static func confirmation(_ c: RemovalConfirmation) -> JSONValue {
        .object(JSONObject([
            ("operation", optional(c.operation)),
            ("checks", .array(c.checks.map { check in .object(JSONObject([
                ("id", .string(check.id)),
                ("url", .string(check.url)),
                ("status", check.status.map { JSONValue($0) } ?? .null),
                ("error", optional(check.error)),
                ("confirmsRemoval", .bool(check.confirmsRemoval)),
            ])) })),
            ("notChecked", JSONValue(c.notChecked)),
            ("note", optional(c.note)),
        ]))
    }

    /// `catalogs` of a suite; a results file written before catalogs were recorded has none (an empty list).
    static func decodeCatalogs(_ r: Reader) throws -> [CatalogListing] {
        guard r.value["catalogs"] != nil else { return [] }
        return try r.array("catalogs").map(decodeCatalog)
    }

    static func decodeCatalog(_ r: Reader) throws -> CatalogListing {
        let text = try r.string("status")
        guard let status = CatalogListing.Status(rawValue: text) else { throw r.error("status", "unknown status \(JSONWriter.quote(text))") }
        return CatalogListing(operation: try r.string("operation"), source: try r.string("source"), itemId: try r.string("itemId"),
                              status: status, reason: try r.optionalString("reason"), requests: try r.int("requests"),
                              items: try r.array("items").map(decodeCatalogItem), itemsWithoutId: try r.int("itemsWithoutId"),
                              confirmation: try r.optional("confirmation").map(decodeConfirmation))
    }

    static func decodeCatalogItem(_ r: Reader) throws -> CatalogItem {
        let hex = try r.string("hash")
        guard let hash = SHA256.Digest(hex: hex) else { throw r.error("hash", "expected a SHA-256 digest (64 hex digits), got \(JSONWriter.quote(JSONValue.trim(hex, 80)))") }
        return CatalogItem(id: try r.string("id"), hash: hash, members: try r.optional("members").map { members in
            guard let list = members.value.arrayValue else { throw JSONReportError(pointer: members.pointer.description, message: "expected an array") }
            return try list.indices.map { k in
                let m = Reader(list[k], at: members.pointer.appending(k))
                return CatalogMember(name: try m.string("name"), hash: try m.string("hash"), value: try m.string("value"))
            }
        })
    }

    static func decodeConfirmation(_ r: Reader) throws -> RemovalConfirmation {
        RemovalConfirmation(operation: try r.optionalString("operation"), checks: try r.array("checks").map { c in
            RemovalCheck(id: try c.string("id"), url: try c.string("url"), status: try c.optional("status").map { try $0.asInt() },
                         error: try c.optionalString("error"))
        }, notChecked: try r.int("notChecked"), note: try r.optionalString("note"))
    }
}
