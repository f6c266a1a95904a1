/// One kind of check Conform makes; every finding's `check` names one of these (or `schema.<keyword>`).
///
/// The registry below is the single list of what Conform can report (STYLE habit 5): the README's check
/// table and `--help` read it, and a test proves every kind can fail.
public struct CheckKind: Sendable, Hashable {
    /// Stable id written into findings and fingerprints (`status`, `walk.noDuplicateIds`).
    public let id: String
    /// Short title for reports ("status code").
    public let title: String
    /// What it asserts, in one sentence.
    public let description: String

    /// A kind; add it to `all` as well, or no report knows it.
    public init(id: String, title: String, description: String) {
        self.id = id; self.title = title; self.description = description
    }

    public static let status = CheckKind(id: "status", title: "status code",
        description: "The response status is one the case expects; a 2xx on a request that must be rejected fails.")
    public static let contentType = CheckKind(id: "content-type", title: "content type",
        description: "The Content-Type media type is the one the response documents.")
    public static let json = CheckKind(id: "json", title: "body is JSON",
        description: "The body is complete, valid UTF-8 JSON (not HTML, not cut short).")
    public static let schema = CheckKind(id: "schema", title: "body matches schema",
        description: "The body validates against the response schema; each violation is reported as schema.<keyword>.")
    public static let invariant = CheckKind(id: "invariant", title: "invariant",
        description: "An expression over the response and request evaluates to true.")
    public static let walkNoDuplicateIds = CheckKind(id: "walk.noDuplicateIds", title: "no duplicate ids across pages",
        description: "No item id appears twice over all pages of a walk.")
    public static let walkUnionEqualsTotal = CheckKind(id: "walk.unionEqualsTotal", title: "pages add up to the total",
        description: "The number of distinct ids over all pages equals the reported total.")
    public static let walkStableTotal = CheckKind(id: "walk.stableTotal", title: "total is stable",
        description: "Every page reports the same total.")
    public static let walkFullPages = CheckKind(id: "walk.fullPages", title: "pages are full",
        description: "Every page but the last holds exactly the page size, and none holds more.")
    public static let walkPastEndEmpty = CheckKind(id: "walk.pastEndEmpty", title: "page past the end is empty",
        description: "The page after the last one has no items.")
    public static let walkHasMoreConsistent = CheckKind(id: "walk.hasMoreConsistent", title: "has-more flag is consistent",
        description: "The has-more flag is true on every page but the last and false on the last.")
    public static let walkLinksConsistent = CheckKind(id: "walk.linksConsistent", title: "next/previous links are consistent",
        description: "A next link is present exactly before the last page; a previous link exactly after the first.")
    public static let walkPageInvariant = CheckKind(id: "walk.pageInvariant", title: "page invariant",
        description: "An invariant holds on every page of a walk (variable `page` is the page requested).")
    public static let walkMaxPages = CheckKind(id: "walk.maxPages", title: "walk ends",
        description: "The list ends where the total its pages report says it does; a walk that spends its request budget (maxPages, --max-requests) first is skipped, with the whole-list rules, not failed.")
    public static let crossAgree = CheckKind(id: "cross.agree", title: "fetched object agrees with the list",
        description: "Each listed object, fetched on its own, has the same values for the members that must agree.")
    public static let crossFetch = CheckKind(id: "cross.fetch", title: "listed id can be fetched",
        description: "Each listed id can be fetched with the fetch operation (2xx).")
    public static let redirect = CheckKind(id: "redirect", title: "redirect to another origin",
        description: "The server does not redirect to another origin; Conform refuses to follow and never sends the credential there.")
    public static let transport = CheckKind(id: "transport", title: "request could not complete",
        description: "The request reached the server and an answer came back (refused, timeouts, TLS, deadline are errors).")
    public static let bodySize = CheckKind(id: "body-size", title: "body over the size cap",
        description: "The body fits under --max-body; a larger one is not read further and its checks cannot run.")

    /// Every check kind, in the order reports list them.
    public static let all: [CheckKind] = [
        .status, .contentType, .json, .schema, .invariant,
        .walkNoDuplicateIds, .walkUnionEqualsTotal, .walkStableTotal, .walkFullPages, .walkPastEndEmpty,
        .walkHasMoreConsistent, .walkLinksConsistent, .walkPageInvariant, .walkMaxPages,
        .crossAgree, .crossFetch, .redirect, .transport, .bodySize,
    ]

    /// The kind for an id; `schema.enum` and other `schema.<keyword>` ids map to `schema`.
    public static func named(_ id: String) -> CheckKind? {
        if let k = all.first(where: { $0.id == id }) { return k }
        return id.hasPrefix("schema.") ? .schema : nil
    }

    /// The walk check kind for a walk rule.
    public static func walk(_ rule: Walk.Rule) -> CheckKind {
        switch rule {
        case .noDuplicateIds: return .walkNoDuplicateIds
        case .unionEqualsTotal: return .walkUnionEqualsTotal
        case .stableTotal: return .walkStableTotal
        case .fullPages: return .walkFullPages
        case .pastEndEmpty: return .walkPastEndEmpty
        case .hasMoreConsistent: return .walkHasMoreConsistent
        case .linksConsistent: return .walkLinksConsistent
        }
    }
}
