/// Node properties (anchors, aliases, tags) and directives (`%YAML`, `%TAG`).
extension YAMLScanner {
    /// `&name` or `*name`: any characters up to a blank or a flow indicator.
    mutating func scanAnchorName(what: String) throws(YAMLParseError) -> String {
        let start = i
        forward()
        let nameStart = i
        while i < n && !isBlankOrEnd() && !Self.isFlowIndicator(b[i]) { forward() }
        if i == nameStart {
            throw error("\(what == "alias" ? "'*'" : "'&'") must be followed by the \(what)'s name", at: start)
        }
        return String(decoding: b[nameStart..<i], as: UTF8.self)
    }

    /// `!suffix`, `!!suffix`, `!handle!suffix`, `!<verbatim>`, or the non-specific `!`.
    mutating func scanTag() throws(YAMLParseError) -> (handle: String, suffix: String) {
        let start = i
        if ch(1) == UInt8(ascii: "<") {
            forward(2)
            let s = i
            while i < n && b[i] != UInt8(ascii: ">") && !isBlankOrEnd() { forward() }
            guard i < n && b[i] == UInt8(ascii: ">") else { throw error("a verbatim tag '!<…>' needs its closing '>'", at: start) }
            let uri = try percentDecoded(s, i)
            forward()
            if uri.isEmpty { throw error("a verbatim tag '!<…>' cannot be empty", at: start) }
            try checkAfterProperty(start)
            return ("", uri)
        }
        forward()
        // A named handle is `!word!`; otherwise the handle is `!` and everything is the suffix.
        var k = i
        while k < n, Self.isWordChar(b[k]) { k += 1 }
        var handle = "!"
        if k < n && b[k] == UInt8(ascii: "!") {
            handle = "!" + String(decoding: b[i..<k], as: UTF8.self) + "!"
            forward(k - i + 1)
        }
        let s = i
        while i < n && !isBlankOrEnd() && !Self.isFlowIndicator(b[i]) {
            if b[i] == UInt8(ascii: "!") { throw error("'!' cannot appear inside a tag's suffix", at: i) }
            forward()
        }
        let suffix = try percentDecoded(s, i)
        if suffix.isEmpty && handle != "!" { throw error("the tag \(handle) needs a suffix", at: start) }
        try checkAfterProperty(start)
        return (handle, suffix)
    }

    func checkAfterProperty(_ start: Int) throws(YAMLParseError) {
        if isBlankOrEnd() || (flowLevel > 0 && Self.isFlowIndicator(ch())) { return }
        throw error("a tag must be followed by a space", at: i)
    }

    static func isWordChar(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "-")
    }

    /// Tag text with `%XX` escapes decoded.
    func percentDecoded(_ s: Int, _ e: Int) throws(YAMLParseError) -> String {
        var out: [UInt8] = []
        var k = s
        while k < e {
            if b[k] == UInt8(ascii: "%") {
                guard k + 2 < e + 1, k + 2 < n, let v = UInt8(String(decoding: b[(k + 1)...(k + 2)], as: UTF8.self), radix: 16) else {
                    throw error("'%' in a tag must be followed by two hexadecimal digits", at: k)
                }
                out.append(v); k += 3
            } else {
                out.append(b[k]); k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func fetchDirective() throws(YAMLParseError) {
        unwindIndent(-1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        let start = i
        forward()
        let nameStart = i
        while i < n && !isBlankOrEnd() { forward() }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self)
        switch name {
        case "YAML":
            try skipDirectiveBlanks(required: true, what: "%YAML needs a version, as in '%YAML 1.2'")
            let vs = i
            while i < n && !isBlankOrEnd() { forward() }
            let version = String(decoding: b[vs..<i], as: UTF8.self)
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, let major = Int(parts[0]), Int(parts[1]) != nil else {
                throw error("'\(version)' is not a YAML version; write '%YAML 1.2'", at: vs)
            }
            if major != 1 { throw error("YAML \(version) is not supported (only 1.x)", at: vs) }
            try scanIgnoredLineAfter(what: "the %YAML directive")
            append(.versionDirective, start, i)
        case "TAG":
            try skipDirectiveBlanks(required: true, what: "%TAG needs a handle and a prefix, as in '%TAG !e! tag:example.com,2000:'")
            let hs = i
            while i < n && !isBlankOrEnd() { forward() }
            let handle = String(decoding: b[hs..<i], as: UTF8.self)
            guard handle.hasPrefix("!") && handle.hasSuffix("!") || handle == "!" else {
                throw error("'\(handle)' is not a tag handle (write '!', '!!' or '!name!')", at: hs)
            }
            try skipDirectiveBlanks(required: true, what: "%TAG needs a prefix after its handle")
            let ps = i
            while i < n && !isBlankOrEnd() { forward() }
            let prefix = try percentDecoded(ps, i)
            try scanIgnoredLineAfter(what: "the %TAG directive")
            append(.tagDirective(handle: handle, prefix: prefix), start, i)
        default:
            // Reserved directives are ignored, as YAML 1.2 asks.
            while i < n && !Self.isBreak(b[i]) { i += 1; column += 1 }
            append(.reservedDirective, start, i)
        }
    }

    mutating func skipDirectiveBlanks(required: Bool, what: String) throws(YAMLParseError) {
        let s = i
        while i < n && Self.isBlank(b[i]) { forward() }
        if required && (i == s || isBlankOrEnd()) { throw error(what) }
    }
}
