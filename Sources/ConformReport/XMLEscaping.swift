/// Escapes text for XML 1.0 character data and attribute values.
///
/// Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF — not even as `&#27;`)
/// become visible escapes through `VisibleText`; the markup characters become entities. Output is plain
/// escaped text, never CDATA, so a `]]>` in a server body cannot end a section early.
enum XMLEscaping {
    private static let textKeeps: Set<Unicode.Scalar> = ["\t", "\n", "\r"]

    /// Character data: `&`, `<`, `>` as entities; tab and newline kept; CR as `&#13;` so parsers
    /// do not fold it into the following newline.
    static func text(_ s: String) -> String {
        escape(VisibleText.clean(s, keeping: textKeeps), attribute: false)
    }

    /// An attribute value (always written between double quotes): also `"` and `'` as entities, and
    /// tab / newline / CR as character references, because attribute normalisation would turn them
    /// into spaces.
    static func attribute(_ s: String) -> String {
        escape(VisibleText.clean(s, keeping: textKeeps), attribute: true)
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
