import Foundation

/// An RFC 6901 JSON Pointer: `/items/57/model_vendor`. The empty pointer names the whole document.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var tokens: [String]

    public init(tokens: [String] = []) { self.tokens = tokens }

    public static let root = JSONPointer()

    /// Parses `/a/b~1c/0`; nil when the text is neither empty nor starts with `/`, or has a bad `~` escape.
    public init?(_ text: String) {
        if text.isEmpty { tokens = []; return }
        guard text.hasPrefix("/") else { return nil }
        var out: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var it = raw.makeIterator()
            while let c = it.next() {
                if c == "~" {
                    switch it.next() {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: return nil
                    }
                } else { token.append(c) }
            }
            out.append(token)
        }
        tokens = out
    }

    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    public static func escape(_ token: String) -> String {
        // A byte scan: `String.contains(String)` goes through Foundation's `range(of:)`, which is slow on hot paths.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    public func appending(_ token: String) -> JSONPointer { var p = self; p.tokens.append(token); return p }
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }
    public func appending(_ other: JSONPointer) -> JSONPointer { var p = self; p.tokens += other.tokens; return p }

    public var parent: JSONPointer? { tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast())) }
    public var last: String? { tokens.last }

    /// The pointer with every array index replaced by `*`, for grouping and fingerprints:
    /// `/items/3/created_at` → `/items/*/created_at`. Indices are tokens made only of digits.
    public var wildcarded: JSONPointer { JSONPointer(tokens: tokens.map(Self.wildcarded)) }

    /// One token as `wildcarded` writes it: `*` for a token made only of digits, the token otherwise.
    public static func wildcarded(_ token: String) -> String {
        (!token.isEmpty && token.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }) ? "*" : token
    }

    /// Resolves the pointer in a document; nil when any step is missing.
    public func resolve(in value: JSONValue) -> JSONValue? {
        var current = value
        for token in tokens {
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let i = Self.arrayIndex(token), i < a.count else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }

    /// An RFC 6901 array index: `0` or digits without a leading zero.
    public static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if token.count > 1 && token.hasPrefix("0") { return nil }
        return Int(token)
    }

    public static func < (a: JSONPointer, b: JSONPointer) -> Bool { a.description < b.description }
}
