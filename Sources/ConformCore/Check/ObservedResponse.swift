/// A response as the checks see it: status, headers and the body bytes received.
///
/// Pure data, so every check is a function (rule, response) → `CheckResult` that tests can call without
/// a network.
public struct ObservedResponse: Sendable {
    public var status: Int
    public var headers: [Header]
    /// The bytes received (at most the size cap).
    public var body: [UInt8]
    /// The body stopped before its announced `Content-Length`: the connection closed early.
    public var truncated: Bool
    /// `Content-Length` as announced, when there was one.
    public var declaredLength: Int?

    /// A response with the bytes received.
    public init(status: Int, headers: [Header] = [], body: [UInt8] = [], truncated: Bool = false, declaredLength: Int? = nil) {
        self.status = status; self.headers = headers; self.body = body; self.truncated = truncated; self.declaredLength = declaredLength
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The start of the body as text for messages: at most `limit` bytes, invalid UTF-8 replaced.
    public func excerpt(limit: Int = 120) -> String {
        BodyExcerpt.text(body, limit: limit)
    }
}

/// Turns the start of a body into printable text for findings and records.
public enum BodyExcerpt {
    /// The first `limit` bytes as one line of text: invalid UTF-8 becomes U+FFFD (a cut in the middle of
    /// a character too); newline and tab become `\n` and `\t`, other control characters `\u{XX}`, so a
    /// finding stays one readable line that any report can carry.
    public static func text(_ body: [UInt8], limit: Int) -> String {
        let decoded = String(decoding: body.prefix(limit), as: UTF8.self)
        var text = ""
        text.reserveCapacity(decoded.utf8.count)
        for scalar in decoded.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return body.count > limit ? text + "…" : text
    }
}
