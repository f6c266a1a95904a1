/// One token of a YAML character stream, as the scanner hands it to the composer.
///
/// The kinds follow the YAML 1.2 productions libyaml also uses: block structure is made explicit by
/// `blockSequenceStart`/`blockMappingStart`/`blockEnd` tokens the scanner derives from indentation.
struct YAMLToken {
    enum Kind: Equatable {
        case streamStart, streamEnd
        case versionDirective, tagDirective(handle: String, prefix: String), reservedDirective
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case blockEntry, flowEntry, key, value
        case alias(String), anchor(String)
        case tag(handle: String, suffix: String)
        case scalar(String, YAMLScalarStyle)
    }

    var kind: Kind
    /// Byte offset of the token's first character.
    var start: Int
    /// Byte offset just past the token.
    var end: Int

    /// How the token reads in an error message.
    var describe: String {
        switch kind {
        case .streamStart: return "the start of the file"
        case .streamEnd: return "the end of the file"
        case .versionDirective, .tagDirective, .reservedDirective: return "a directive"
        case .documentStart: return "'---'"
        case .documentEnd: return "'...'"
        case .blockSequenceStart: return "a block sequence"
        case .blockMappingStart: return "a block mapping"
        case .blockEnd: return "the end of a block (less indentation)"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .blockEntry: return "'-'"
        case .flowEntry: return "','"
        case .key: return start == end ? "a mapping key" : "'?'"
        case .value: return "':'"
        case .alias(let a): return "alias *\(a)"
        case .anchor(let a): return "anchor &\(a)"
        case .tag(let h, let s): return "tag \(h)\(s)"
        case .scalar(let s, _):
            let short = s.count > 30 ? String(s.prefix(30)) + "…" : s
            return "scalar \"\(short)\""
        }
    }
}

/// How a scalar was written: only plain scalars are resolved by the core schema, the others are strings.
enum YAMLScalarStyle: Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}
