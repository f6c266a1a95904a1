/// A pattern that is only literal code points, optionally between `^` and `$` (`^v1$`, `gpt-`,
/// `^models/`): matched by comparing UTF-8 bytes, which for valid UTF-8 equals comparing code points.
struct RegexLiteralForm: Sendable {
    let bytes: [UInt8]
    let atStart: Bool
    let atEnd: Bool

    /// The literal form of `tree`, or nil when it has anything but literals and outer anchors.
    init?(_ tree: RegexNode) {
        var nodes: [RegexNode]
        switch tree {
        case .concatenation(let n, _): nodes = n
        case .literal, .assertion(.start, _), .assertion(.end, _), .empty: nodes = [tree]
        default: return nil
        }
        var atStart = false, atEnd = false
        if case .assertion(.start, _)? = nodes.first { atStart = true; nodes.removeFirst() }
        if case .assertion(.end, _)? = nodes.last { atEnd = true; nodes.removeLast() }
        var text = String.UnicodeScalarView()
        for node in nodes {
            switch node {
            case .empty: continue
            case .literal(let c, _):
                guard let s = Unicode.Scalar(c) else { return nil }
                text.append(s)
            default: return nil
            }
        }
        self.bytes = Array(String(text).utf8)
        self.atStart = atStart
        self.atEnd = atEnd
    }

    /// Whether `s` holds the literal where the anchors say.
    func matches(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { hay in
            let n = bytes.count
            guard hay.count >= n else { return false }
            switch (atStart, atEnd) {
            case (true, true): return hay.count == n && hay.elementsEqual(bytes)
            case (true, false): return hay[0..<n].elementsEqual(bytes)
            case (false, true): return hay[(hay.count - n)...].elementsEqual(bytes)
            case (false, false):
                guard let first = bytes.first else { return true }
                var i = 0
                let last = hay.count - n
                while i <= last {
                    if hay[i] == first && hay[i..<(i + n)].elementsEqual(bytes) { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
