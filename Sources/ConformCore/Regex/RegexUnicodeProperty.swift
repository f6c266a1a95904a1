/// `\p{…}` names: Unicode General_Category values (long and short names and their aliases, optionally
/// written `gc=` / `General_Category=`), plus `Any` and `ASCII`, each resolved to code-point ranges.
///
/// JSON Schema patterns use Unicode semantics for property escapes (the official test suite requires
/// `\p{Letter}`). Scripts and other binary properties are refused: Swift exposes no script data.
enum RegexUnicodeProperty {
    /// The ranges a property name covers, or nil when the name is not supported.
    static func ranges(named written: String) -> [ClosedRange<UInt32>]? {
        var name = written
        for prefix in ["General_Category=", "gc="] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
        if name == "Any" { return [0...RegexCharacterClass.maxCodePoint] }
        if name == "ASCII" { return [0...0x7F] }
        guard let categories = categoriesByName[name] else { return nil }
        var out: [ClosedRange<UInt32>] = []
        for run in runs where categories.contains(run.category) {
            if let last = out.last, last.upperBound + 1 == run.range.lowerBound {
                out[out.count - 1] = last.lowerBound...run.range.upperBound
            } else {
                out.append(run.range)
            }
        }
        return out
    }

    /// The names accepted, for error messages.
    static let summary = "General_Category values such as L, Letter, Lu, Nd, digit, P, S, Z, with or without gc=, and Any, ASCII"

    private static let groups: [(names: [String], categories: [Unicode.GeneralCategory])] = [
        (["L", "Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]),
        (["LC", "Cased_Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
        (["Lu", "Uppercase_Letter"], [.uppercaseLetter]), (["Ll", "Lowercase_Letter"], [.lowercaseLetter]),
        (["Lt", "Titlecase_Letter"], [.titlecaseLetter]), (["Lm", "Modifier_Letter"], [.modifierLetter]),
        (["Lo", "Other_Letter"], [.otherLetter]),
        (["M", "Mark", "Combining_Mark"], [.nonspacingMark, .spacingMark, .enclosingMark]),
        (["Mn", "Nonspacing_Mark"], [.nonspacingMark]), (["Mc", "Spacing_Mark"], [.spacingMark]), (["Me", "Enclosing_Mark"], [.enclosingMark]),
        (["N", "Number"], [.decimalNumber, .letterNumber, .otherNumber]),
        (["Nd", "Decimal_Number", "digit"], [.decimalNumber]), (["Nl", "Letter_Number"], [.letterNumber]), (["No", "Other_Number"], [.otherNumber]),
        (["P", "Punctuation", "punct"], [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                         .initialPunctuation, .finalPunctuation, .otherPunctuation]),
        (["Pc", "Connector_Punctuation"], [.connectorPunctuation]), (["Pd", "Dash_Punctuation"], [.dashPunctuation]),
        (["Ps", "Open_Punctuation"], [.openPunctuation]), (["Pe", "Close_Punctuation"], [.closePunctuation]),
        (["Pi", "Initial_Punctuation"], [.initialPunctuation]), (["Pf", "Final_Punctuation"], [.finalPunctuation]),
        (["Po", "Other_Punctuation"], [.otherPunctuation]),
        (["S", "Symbol"], [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]),
        (["Sm", "Math_Symbol"], [.mathSymbol]), (["Sc", "Currency_Symbol"], [.currencySymbol]),
        (["Sk", "Modifier_Symbol"], [.modifierSymbol]), (["So", "Other_Symbol"], [.otherSymbol]),
        (["Z", "Separator"], [.spaceSeparator, .lineSeparator, .paragraphSeparator]),
        (["Zs", "Space_Separator"], [.spaceSeparator]), (["Zl", "Line_Separator"], [.lineSeparator]),
        (["Zp", "Paragraph_Separator"], [.paragraphSeparator]),
        (["C", "Other"], [.control, .format, .surrogate, .privateUse, .unassigned]),
        (["Cc", "Control", "cntrl"], [.control]), (["Cf", "Format"], [.format]), (["Cs", "Surrogate"], [.surrogate]),
        (["Co", "Private_Use"], [.privateUse]), (["Cn", "Unassigned"], [.unassigned]),
    ]

    private static let categoriesByName: [String: Set<Unicode.GeneralCategory>] = {
        var map: [String: Set<Unicode.GeneralCategory>] = [:]
        for g in groups { for n in g.names { map[n] = Set(g.categories) } }
        return map
    }()

    /// Every code point's category as maximal runs, computed once (one pass over the code space).
    private static let runs: [(range: ClosedRange<UInt32>, category: Unicode.GeneralCategory)] = {
        var out: [(range: ClosedRange<UInt32>, category: Unicode.GeneralCategory)] = []
        var start: UInt32 = 0
        var current: Unicode.GeneralCategory = .control
        for c in UInt32(0)...RegexCharacterClass.maxCodePoint {
            let category = Unicode.Scalar(c)?.properties.generalCategory ?? .surrogate
            if c == 0 { current = category; continue }
            if category != current {
                out.append((start...(c - 1), current))
                start = c; current = category
            }
        }
        out.append((start...RegexCharacterClass.maxCodePoint, current))
        return out
    }()
}
