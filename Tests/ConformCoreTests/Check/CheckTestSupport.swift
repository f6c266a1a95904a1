@testable import ConformCore

/// Builders shared by the check tests.
enum CheckFixture {
    static let rule = RuleReference(pointer: JSONPointer(tokens: ["operations", "0"]), location: "suite.json:3:5")

    static func response(_ status: Int = 200, _ body: String = "{}", contentType: String? = "application/json",
                         truncated: Bool = false) -> ObservedResponse {
        ObservedResponse(status: status, headers: contentType.map { [Header("Content-Type", $0)] } ?? [],
                         body: Array(body.utf8), truncated: truncated, declaredLength: truncated ? body.utf8.count + 100 : nil)
    }

    static func json(_ text: String) -> JSONValue {
        (try? JSONParser.parse(text)) ?? .null
    }

    static func page(_ label: String, ids: [Int], total: Int? = nil, hasMore: Bool? = nil, next: Bool = false,
                     previous: Bool = false) -> WalkObservation.Page {
        WalkObservation.Page(label: label, ids: ids.map { JSONValue($0) },
                             itemsPointer: "/items", total: total.map { JSONValue($0) }, hasMore: hasMore,
                             hasNext: next, hasPrevious: previous)
    }
}
