/// Makes server-supplied text safe to show: characters a reader cannot see, or a format cannot carry,
/// become visible escapes (`\x1B`, `\u{FFFE}`).
///
/// Server bodies carry ANSI colour codes, NULs and stray noncharacters; XML 1.0 forbids most of them
/// even as character references, and in a Markdown table they break rows or hide text. A visible
/// escape keeps the evidence readable instead of silently dropping it.
enum VisibleText {
    /// Whether a scalar is replaced: C0 controls (except those in `keep`), DEL, C1 controls,
    /// and the noncharacters U+FFFE / U+FFFF that XML 1.0 excludes.
    static func needsEscape(_ scalar: Unicode.Scalar, keeping keep: Set<Unicode.Scalar>) -> Bool {
        if keep.contains(scalar) { return false }
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The visible spelling of one replaced scalar: `\x1B` for one byte, `\u{FFFE}` beyond.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        if scalar.value < 0x100 { return "\\x" + (hex.count == 1 ? "0" + hex : hex) }
        return "\\u{" + hex + "}"
    }

    /// `text` with every scalar outside `keep` that `needsEscape` flags replaced by its visible escape.
    static func clean(_ text: String, keeping keep: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keeping: keep) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keeping: keep) { out.append(contentsOf: escape(scalar).unicodeScalars) }
            else { out.append(scalar) }
        }
        return String(out)
    }
}
