/// `uri` (absolute, RFC 3986) and `email` (RFC 5321 mailbox: dot-atom or quoted local part; host name or
/// address literal).
extension FormatChecker {
    private static func isUnreserved(_ c: UInt8) -> Bool {
        isAlpha(c) || isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
    }

    private static func isSubDelim(_ c: UInt8) -> Bool { "!$&'()*+,;=".utf8.contains(c) }

    /// Every byte is allowed by `allowed` or starts a `%XX` escape.
    private static func isEncoded(_ b: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < b.endIndex, isHex(b[i + 1]), isHex(b[i + 2]) else { return false }
                i += 3
            } else {
                guard allowed(b[i]) else { return false }
                i += 1
            }
        }
        return true
    }

    private static func isPathChar(_ c: UInt8) -> Bool { isUnreserved(c) || isSubDelim(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: "@") }

    static func isURI(_ b: [UInt8]) -> Bool {
        guard let colon = b.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(b[0]),
              b[1..<colon].allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        var rest = b[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isEncoded(rest[(hash + 1)...], { isPathChar($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else { return false }
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isEncoded(rest[(q + 1)...], { isPathChar($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else { return false }
            rest = rest[..<q]
        }
        if rest.starts(with: "//".utf8) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard isAuthority(rest[..<end]) else { return false }
            rest = rest[end...]
        }
        return isEncoded(rest) { isPathChar($0) || $0 == UInt8(ascii: "/") }
    }

    private static func isAuthority(_ a: ArraySlice<UInt8>) -> Bool {
        var hostPort = a
        if let at = a.lastIndex(of: UInt8(ascii: "@")) {
            guard isEncoded(a[..<at], { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }) else { return false }
            hostPort = a[(at + 1)...]
        }
        var port: ArraySlice<UInt8> = []
        if hostPort.first == UInt8(ascii: "[") {
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = hostPort[(hostPort.startIndex + 1)..<close]
            let isFuture = literal.first == UInt8(ascii: "v") || literal.first == UInt8(ascii: "V")
            guard isFuture || isIPv6(literal) else { return false }
            let after = hostPort[(close + 1)...]
            if !after.isEmpty { guard after.first == UInt8(ascii: ":") else { return false }; port = after.dropFirst() }
        } else {
            var host = hostPort
            if let c = hostPort.firstIndex(of: UInt8(ascii: ":")) { host = hostPort[..<c]; port = hostPort[(c + 1)...] }
            guard isEncoded(host, { isUnreserved($0) || isSubDelim($0) }) else { return false }
        }
        return port.allSatisfy(isDigit)
    }

    static func isEmail(_ b: [UInt8]) -> Bool {
        guard let at = b.lastIndex(of: UInt8(ascii: "@")), at > 0, at < b.count - 1 else { return false }
        return isLocalPart(b[..<at]) && isMailDomain(b[(at + 1)...])
    }

    private static func isLocalPart(_ l: ArraySlice<UInt8>) -> Bool {
        if l.first == UInt8(ascii: "\""), l.count >= 2, l.last == UInt8(ascii: "\"") {
            var i = l.startIndex + 1
            while i < l.endIndex - 1 {
                let c = l[i]
                if c == UInt8(ascii: "\\") { guard i + 1 < l.endIndex - 1 else { return false }; i += 2; continue }
                guard c >= 32, c < 127, c != UInt8(ascii: "\"") else { return false }
                i += 1
            }
            return true
        }
        let atext: (UInt8) -> Bool = { isAlpha($0) || isDigit($0) || "!#$%&'*+-/=?^_`{|}~".utf8.contains($0) }
        let atoms = l.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(atext) }
    }

    private static func isMailDomain(_ d: ArraySlice<UInt8>) -> Bool {
        if d.first == UInt8(ascii: "["), d.last == UInt8(ascii: "]"), d.count > 2 {
            let literal = d.dropFirst().dropLast()
            if literal.starts(with: "IPv6:".utf8) { return isIPv6(literal.dropFirst(5)) }
            return isIPv4(literal)
        }
        return isHostName(d)
    }

    /// Dot-separated labels of letters, digits and inner hyphens, each 1–63 bytes, 253 in all.
    static func isHostName(_ d: ArraySlice<UInt8>) -> Bool {
        guard !d.isEmpty, d.count <= 253 else { return false }
        return d.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            (1...63).contains(label.count) && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        }
    }
}
