import ConformCore

/// A one-line curl reproduction of a recorded request, safe to paste into a report:
///
///     curl -sS -X GET 'https://api.example.com/v5/models?limit=1001' -H "x-api-key: $SGP_API_KEY"
///
/// Arguments are single-quoted (`'` written as `'\''`); an argument carrying a `$ENV_VAR` placeholder is
/// double-quoted instead, with every other `$`, backtick, `"` and `\` escaped, so the shell expands the
/// variable and nothing else. The request must already be redacted (`Redactor.record`).
public enum CurlCommand {
    /// Headers Conform adds that curl needs no help with (curl sends no Accept-Encoding by default).
    static let omitted: Set<String> = ["user-agent", "accept-encoding"]

    /// Whether the request asked for a compressed answer (an `Accept-Encoding` other than `identity`, from a
    /// case's `headers`): curl then needs `--compressed` to ask for it too and to decode it, as Conform does.
    static func asksForCompression(_ request: RecordedRequest) -> Bool {
        guard let value = request.headers.first(where: { $0.name.lowercased() == "accept-encoding" })?.value else { return false }
        return value.split(separator: ",").contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = parts.first, !name.isEmpty, name != "identity" else { return false }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0
        }
    }

    /// The command line; `envNames` are the variables whose `$NAME` must stay expandable. A `body` must be
    /// redacted already (`Redactor.redact`), like the request.
    public static func render(_ request: RecordedRequest, body: String? = nil, envNames: [String] = []) -> String {
        var parts = ["curl", "-sS", "-X", quote(request.method, envNames: envNames), quote(request.url, envNames: envNames)]
        for header in request.headers where !omitted.contains(header.name.lowercased()) {
            parts.append("-H")
            parts.append(quote("\(header.name): \(header.value)", envNames: envNames))
        }
        if asksForCompression(request) { parts.append("--compressed") }
        if let body {
            parts.append("--data-binary")
            parts.append(quote(body, envNames: envNames))
        }
        return parts.joined(separator: " ")
    }

    /// One shell word that reads back as `argument`, with the named variables left to expand.
    public static func quote(_ argument: String, envNames: [String] = []) -> String {
        // Without a `$` there is no placeholder: decided on the bytes (most arguments), not on characters.
        let characters = argument.utf8.contains(UInt8(ascii: "$")) ? Array(argument) : []
        let references = placeholderStarts(in: characters, envNames: envNames)
        if references.isEmpty {
            if !argument.isEmpty, argument.utf8.allSatisfy(isPlain) { return argument }
            return "'" + (argument.utf8.contains(UInt8(ascii: "'")) ? argument.replacingOccurrences(of: "'", with: "'\\''") : argument) + "'"
        }
        var out = "\""
        var i = 0
        while i < characters.count {
            if let length = references[i] {
                out += String(characters[i..<(i + length)])
                i += length
                continue
            }
            switch characters[i] {
            case "$", "`", "\"", "\\": out += "\\" + String(characters[i])
            // `!` inside double quotes triggers history expansion in an interactive bash: quote it apart.
            case "!": out += "\"'!'\""
            default: out.append(characters[i])
            }
            i += 1
        }
        return out + "\""
    }

    /// Start index → length of each `$NAME` whose NAME is one of `envNames` and is not followed by more
    /// identifier characters (so `$KEY` does not match inside `$KEY2`).
    static func placeholderStarts(in characters: [Character], envNames: [String]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        let names = envNames.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        for (index, character) in characters.enumerated() where character == "$" {
            for name in names {
                let end = index + 1 + name.count
                guard end <= characters.count, String(characters[(index + 1)..<end]) == name else { continue }
                if end < characters.count, isIdentifier(characters[end]) { continue }
                found[index] = 1 + name.count
                break
            }
        }
        return found
    }

    static func isIdentifier(_ c: Character) -> Bool { c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) }

    /// Characters that need no quoting; `:` is left out so URLs are always quoted and read alike.
    static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "-_./=@%+,".utf8.contains(byte)
        }
    }
}
