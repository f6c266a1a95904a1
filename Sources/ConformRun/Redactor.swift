import ConformCore
import Foundation

/// A secret the run holds and the environment variable it came from (`SGP_API_KEY`).
public struct Secret: Sendable, Hashable {
    /// The variable's name; redacted text shows `$env` in place of the value.
    public var env: String
    public var value: String
    public init(env: String, value: String) { self.env = env; self.value = value }

    /// `$SGP_API_KEY`.
    public var placeholder: String { "$\(env)" }
}

/// Removes secrets from anything Conform prints or writes: recorded requests, URLs, response headers and
/// body excerpts, finding text.
///
/// Two nets, because either alone leaks. **By value**: every occurrence of a secret — raw, percent-encoded,
/// base64, JSON-escaped — becomes `$ENV_VAR`, wherever it appears (a server that echoes the key in its body,
/// a key in a query string). **By header name**: `Authorization`, `Proxy-Authorization`, `x-api-key`,
/// `api-key`, `Cookie`, `Set-Cookie` and the suite's own auth header never show their value, even when it is
/// no secret we know (a session cookie the server set). Value matching applies only to secrets of at least
/// `minimumValueLength` (4) bytes: a one-letter "secret" would otherwise blank out every "a" in every report,
/// and so hide the evidence; such short secrets are still hidden in their header by name.
public struct Redactor: Sendable {
    /// Header names whose values are always hidden (lower-cased).
    public static let sensitiveHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "x-api-key", "api-key", "cookie", "set-cookie",
    ]
    public static let minimumValueLength = 4
    /// What a sensitive header shows when its value is no secret we know.
    public static let hidden = "[redacted]"

    public let secrets: [Secret]
    /// Lower-cased names of headers whose values are hidden.
    public let headerNames: Set<String>
    /// Values known not to be secret (the deliberately wrong key of an `auth.wrong` case): shown as they are
    /// in sensitive headers, so the report says what was actually sent.
    public let publicValues: Set<String>
    /// (pattern, replacement), longest pattern first so a secret containing another is replaced whole.
    private let patterns: [(String, String)]
    /// The patterns as bytes by their first byte (longest first), for the one-pass search.
    private let byFirstByte: [[([UInt8], [UInt8])]?]
    /// Whether some pattern starts with the byte: the scan's one test per byte that starts none.
    private let startsPattern: [Bool]

    /// - Parameters:
    ///   - headerNames: extra sensitive header names (the suite's auth header), besides the standard ones.
    public init(secrets: [Secret] = [], headerNames: [String] = [], publicValues: [String] = []) {
        self.secrets = secrets
        self.headerNames = Self.sensitiveHeaderNames.union(headerNames.map { $0.lowercased() })
        self.publicValues = Set(publicValues)
        var patterns: [(String, String)] = []
        for secret in secrets {
            // A server that trims the key it echoes shows the trimmed value: hide that too.
            let trimmed = secret.value.trimmingCharacters(in: .whitespacesAndNewlines)
            for value in Set([secret.value, trimmed]) where value.utf8.count >= Self.minimumValueLength {
                for form in Self.forms(of: value) where !patterns.contains(where: { $0.0 == form }) {
                    patterns.append((form, secret.placeholder))
                }
            }
        }
        self.patterns = patterns.sorted { $0.0.utf8.count > $1.0.utf8.count }
        var table = [[([UInt8], [UInt8])]?](repeating: nil, count: 256)
        for (pattern, replacement) in self.patterns {
            let bytes = Array(pattern.utf8)
            table[Int(bytes[0])] = (table[Int(bytes[0])] ?? []) + [(bytes, Array(replacement.utf8))]
        }
        self.byFirstByte = table
        self.startsPattern = table.map { $0 != nil }
    }

    /// The environment variable names of the secrets (for `CurlCommand`).
    public var envNames: [String] { secrets.map(\.env) }

    /// The spellings a secret takes on its way through HTTP, JSON and HTML: raw; percent-encoded with upper- or
    /// lower-case hex, strictly (`%2F`) or as a query allows (`/` kept); form-encoded (`+` for a space); base64
    /// and base64url; JSON-escaped with or without `\/`, with `<`, `>`, `&` as `\u003c`… (Go's encoder) and
    /// non-ASCII as `\uXXXX` (Python's `ensure_ascii`); HTML entities.
    static func forms(of value: String) -> [String] {
        var forms = [value]
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        for allowed in [unreserved, .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))] {
            guard let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) else { continue }
            forms += [encoded, lowerHex(encoded), encoded.replacingBytes(of: "%20", with: "+")]
        }
        let base64 = Data(value.utf8).base64EncodedString()
        forms.append(base64)
        forms.append(base64.replacingBytes(of: "+", with: "-").replacingBytes(of: "/", with: "_")
            .replacingBytes(of: "=", with: ""))
        let json = value.replacingBytes(of: "\\", with: "\\\\").replacingBytes(of: "\"", with: "\\\"")
        for slash in [json, json.replacingBytes(of: "/", with: "\\/")] {
            forms.append(slash)
            let goStyle = slash.replacingBytes(of: "<", with: "\\u003c").replacingBytes(of: ">", with: "\\u003e")
                .replacingBytes(of: "&", with: "\\u0026")
            forms += [goStyle, goStyle.replacingBytes(of: "\\u003c", with: "\\u003C").replacingBytes(of: "\\u003e", with: "\\u003E"),
                      asciiEscaped(goStyle), asciiEscaped(slash)]
        }
        forms.append(value.replacingBytes(of: "&", with: "&amp;").replacingBytes(of: "<", with: "&lt;")
            .replacingBytes(of: ">", with: "&gt;").replacingBytes(of: "\"", with: "&quot;").replacingBytes(of: "'", with: "&#39;"))
        return forms
    }

    /// `%2F` → `%2f`: the same percent-encoding with lower-case hex digits.
    static func lowerHex(_ encoded: String) -> String {
        var out = ""
        var pending = 0
        for ch in encoded {
            if ch == "%" { pending = 2; out.append(ch); continue }
            if pending > 0 { pending -= 1; out += ch.lowercased(); continue }
            out.append(ch)
        }
        return out
    }

    /// Non-ASCII characters as `\uXXXX` (UTF-16, lower-case hex), as JSON encoders that keep to ASCII write them.
    static func asciiEscaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var out = ""
        for unit in text.utf16 {
            if unit < 0x80 { out.unicodeScalars.append(Unicode.Scalar(unit)!) } else {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out
    }

    /// `text` with every occurrence of every secret (in every form) replaced by `$ENV_VAR`: one pass over
    /// the UTF-8 bytes, trying at each position the patterns that start with its byte, longest first (a
    /// compatibility run redacts every target's secrets in every text, so the cost must not grow with
    /// secrets × texts through repeated string searches).
    public func redact(_ text: String) -> String {
        guard !patterns.isEmpty else { return text }
        var text = text
        let bytes: [UInt8]? = text.withUTF8 { utf8 in redacted(utf8) }
        return bytes.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The bytes with every secret replaced, or nil when they hold none (the common case, so the scan over a
    /// page's worth of catalog text tests one table entry a byte and allocates nothing).
    private func redacted(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8]? = nil
        var copied = 0
        let n = utf8.count
        var i = 0
        while i < n {
            guard startsPattern[Int(utf8[i])], let candidates = byFirstByte[Int(utf8[i])] else { i += 1; continue }
            var matched: ([UInt8], [UInt8])? = nil
            for (pattern, replacement) in candidates where pattern.count <= n - i {
                var k = 1
                while k < pattern.count && utf8[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { matched = (pattern, replacement); break }
            }
            guard let (pattern, replacement) = matched else { i += 1; continue }
            if out == nil { out = []; out!.reserveCapacity(n) }
            out!.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<i]))
            out!.append(contentsOf: replacement)
            i += pattern.count
            copied = i
        }
        guard out != nil else { return nil }
        out!.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<n]))
        return out
    }

    /// Headers with secrets removed by value, and sensitive headers' values hidden by name.
    public func redact(headers: [Header]) -> [Header] {
        headers.map { Header($0.name, redact(header: $0.name, value: $0.value)) }
    }

    /// One header value, redacted.
    public func redact(header name: String, value: String) -> String {
        guard headerNames.contains(name.lowercased()), !value.isEmpty else { return redact(value) }
        // `x-api-key: <secret>` or `Authorization: Bearer <secret>`: name the variable, keep the scheme word.
        let (scheme, credential) = Self.splitScheme(value)
        if let secret = secrets.first(where: { $0.value == credential && !$0.value.isEmpty }) {
            return scheme + secret.placeholder
        }
        let byValue = redact(value)
        if byValue != value { return byValue }
        if publicValues.contains(value) || publicValues.contains(credential) { return value }
        return scheme + Self.hidden
    }

    /// ("Bearer ", "abc") for "Bearer abc"; ("", value) when the value is a single token.
    static func splitScheme(_ value: String) -> (String, String) {
        guard let space = value.firstIndex(of: " ") else { return ("", value) }
        let scheme = value[..<space]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return ("", value) }
        let rest = value[value.index(after: space)...].drop { $0 == " " }
        return (value[..<rest.startIndex].description, String(rest))
    }

    /// A request as it may be recorded: URL and headers redacted.
    public func record(_ request: HTTPRequest) -> RecordedRequest {
        RecordedRequest(method: request.method, url: redact(request.url), headers: redact(headers: request.headers))
    }

    /// A response as it may be recorded: headers redacted, the body's first `excerptCharacters` as text,
    /// redacted (the redaction runs on a longer prefix first, so a secret straddling the cut is still caught).
    public func record(_ response: HTTPResponse, excerptCharacters: Int = 2048) -> RecordedResponse {
        RecordedResponse(status: response.status, headers: redact(headers: response.headers),
                         bodySize: response.body.count, bodyExcerpt: excerpt(response.body, characters: excerptCharacters))
    }

    /// The start of a body as redacted text (invalid UTF-8 shown as U+FFFD).
    public func excerpt(_ body: [UInt8], characters: Int) -> String {
        guard characters > 0 else { return "" }
        let margin = (patterns.first?.0.utf8.count ?? 0) + 4
        let prefix = body.prefix(characters * 4 + margin)
        let text = redact(String(decoding: prefix, as: UTF8.self))
        return String(text.prefix(characters))
    }
}

private extension String {
    /// Every occurrence of `target`, left to right and not overlapping, replaced — compared byte for byte,
    /// as encoders write them (a secret's forms are built from a handful of these per run).
    func replacingBytes(of target: String, with replacement: String) -> String {
        let t = Array(target.utf8), bytes = Array(utf8)
        guard let first = t.first, bytes.count >= t.count, bytes.contains(first) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0, changed = false
        while i < bytes.count {
            if bytes[i] == first, i + t.count <= bytes.count, bytes[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: replacement.utf8)
                i += t.count
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }
}
