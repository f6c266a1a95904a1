/// Builds JSON values from the scanner's tokens: documents, block and flow collections, scalars resolved
/// by the core schema and their tags, anchors and aliases (bounded), with the byte offset of every value
/// and key recorded by JSON Pointer.
struct YAMLComposer {
    var scanner: YAMLScanner
    let options: YAMLParser.Options
    let recordLocations: Bool
    var locations = JSONLocations()
    var path: [String] = []
    /// Greater than zero while composing a mapping key: its insides have no pointer of their own.
    var inKey = 0
    var depth = 0
    /// Anchored values and how many nodes each expands to.
    var anchors: [String: (value: JSONValue, nodes: Int)] = [:]
    /// Nodes added by aliases so far, bounded by `options.maxAliasExpansion`.
    var aliasNodes = 0
    var tagHandles: [String: String] = [:]
    var previousDocumentEnded = true
    var documentCount = 0

    static let coreTagPrefix = "tag:yaml.org,2002:"

    init(bytes: [UInt8], options: YAMLParser.Options, recordLocations: Bool) {
        scanner = YAMLScanner(bytes)
        self.options = options
        self.recordLocations = recordLocations
    }

    // MARK: stream and documents

    /// The next document of the stream, or nil at its end.
    mutating func nextDocument() throws(YAMLParseError) -> JSONValue? {
        var t = try scanner.peek()
        if case .streamStart = t.kind { _ = try scanner.next(); t = try scanner.peek() }
        while case .documentEnd = t.kind { _ = try scanner.next(); previousDocumentEnded = true; t = try scanner.peek() }
        if case .streamEnd = t.kind { return nil }

        tagHandles = ["!": "!", "!!": Self.coreTagPrefix]
        anchors = [:]
        var sawVersion = false
        var sawDirective = false
        var declared: Set<String> = []
        while true {
            switch t.kind {
            case .versionDirective:
                if documentCount > 0 && !previousDocumentEnded {
                    throw YAMLParseError("a directive after a document needs '...' on the line before it to end that document", at: t.start)
                }
                if sawVersion { throw YAMLParseError("a document may have only one %YAML directive", at: t.start) }
                sawVersion = true; sawDirective = true
            case .tagDirective(let handle, let prefix):
                if documentCount > 0 && !previousDocumentEnded {
                    throw YAMLParseError("a directive after a document needs '...' on the line before it to end that document", at: t.start)
                }
                if declared.contains(handle) { throw YAMLParseError("the tag handle \(handle) is declared twice", at: t.start) }
                declared.insert(handle)
                tagHandles[handle] = prefix; sawDirective = true
            case .reservedDirective:
                if documentCount > 0 && !previousDocumentEnded {
                    throw YAMLParseError("a directive after a document needs '...' on the line before it to end that document", at: t.start)
                }
                sawDirective = true
            default:
                break
            }
            if case .versionDirective = t.kind {} else if case .tagDirective = t.kind {} else if case .reservedDirective = t.kind {} else { break }
            _ = try scanner.next()
            t = try scanner.peek()
        }

        let value: JSONValue
        if case .documentStart = t.kind {
            _ = try scanner.next()
            previousDocumentEnded = false
            let c = try scanner.peek()
            switch c.kind {
            case .versionDirective, .tagDirective, .reservedDirective, .documentStart, .documentEnd, .streamEnd:
                record(value: c.start)
                value = .null
            default:
                value = try parseNode(block: true).value
            }
        } else {
            if sawDirective { throw YAMLParseError("directives must be followed by '---' and the document", at: t.start) }
            previousDocumentEnded = false
            value = try parseNode(block: true).value
        }
        let end = try scanner.peek()
        switch end.kind {
        case .documentEnd:
            _ = try scanner.next()
            previousDocumentEnded = true
        case .documentStart, .streamEnd:
            break
        case .versionDirective, .tagDirective, .reservedDirective:
            throw YAMLParseError("a directive after a document needs '...' on the line before it to end that document", at: end.start)
        default:
            throw YAMLParseError("unexpected \(end.describe) after the document's top-level value", at: end.start)
        }
        documentCount += 1
        return value
    }

    // MARK: nodes

    mutating func record(value offset: Int) {
        if recordLocations && inKey == 0 { locations.values[JSONPointer(tokens: path)] = offset }
    }

    /// A node with its properties; `nodes` counts the values it expands to (for the alias bound).
    mutating func parseNode(block: Bool, indentlessSequence: Bool = false) throws(YAMLParseError) -> (value: JSONValue, nodes: Int) {
        var t = try scanner.peek()
        if case .alias(let name) = t.kind {
            _ = try scanner.next()
            guard let anchored = anchors[name] else {
                throw YAMLParseError("unknown alias *\(name): no anchor &\(name) before it in this document", at: t.start)
            }
            aliasNodes += anchored.nodes
            if aliasNodes > options.maxAliasExpansion {
                throw YAMLParseError("aliases expand to more than \(options.maxAliasExpansion) values (at *\(name)): refusing a possible 'billion laughs' document", at: t.start)
            }
            record(value: t.start)
            return anchored
        }
        var anchor: String? = nil
        var tag: String? = nil
        var tagOffset = 0
        var propertiesStart: Int? = nil
        while true {
            if case .anchor(let name) = t.kind {
                if anchor != nil { throw YAMLParseError("a node can have only one anchor", at: t.start) }
                anchor = name
            } else if case .tag(let handle, let suffix) = t.kind {
                if tag != nil { throw YAMLParseError("a node can have only one tag", at: t.start) }
                tag = try resolveTag(handle: handle, suffix: suffix, at: t.start)
                tagOffset = t.start
            } else {
                break
            }
            if propertiesStart == nil { propertiesStart = t.start }
            _ = try scanner.next()
            t = try scanner.peek()
        }
        var result: (value: JSONValue, nodes: Int)
        switch t.kind {
        case .blockEntry where indentlessSequence:
            record(value: t.start)
            result = try parseIndentlessSequence()
        case .scalar(let text, let style):
            _ = try scanner.next()
            record(value: t.start)
            result = (try resolveScalar(text, style: style, tag: tag, tagOffset: tagOffset, at: t.start), 1)
        case .flowSequenceStart:
            record(value: t.start)
            result = try parseFlowSequence()
        case .flowMappingStart:
            record(value: t.start)
            result = try parseFlowMapping()
        case .blockSequenceStart where block:
            record(value: t.start)
            result = try parseBlockSequence()
        case .blockMappingStart where block:
            record(value: t.start)
            result = try parseBlockMapping()
        default:
            if let propertiesStart {
                record(value: propertiesStart)
                result = (try resolveScalar("", style: .plain, tag: tag, tagOffset: tagOffset, at: t.start), 1)
            } else {
                throw YAMLParseError(expectedValueMessage(t), at: t.start)
            }
        }
        if let tag { try checkCollectionTag(tag, result.value, at: tagOffset) }
        if let anchor { anchors[anchor] = result }
        return result
    }

    func expectedValueMessage(_ t: YAMLToken) -> String {
        switch t.kind {
        case .blockEntry: return "a block sequence entry ('- ') is not allowed here"
        case .key, .value: return "expected a value, found \(t.describe)"
        case .flowEntry: return "expected a value before ','"
        case .streamEnd: return "unexpected end of file: expected a value"
        default: return "expected a value, found \(t.describe)"
        }
    }

    /// The value of an empty node (`key:` with nothing after it).
    mutating func emptyValue(at offset: Int) -> (value: JSONValue, nodes: Int) {
        record(value: offset)
        return (.null, 1)
    }

    mutating func enter(_ offset: Int) throws(YAMLParseError) {
        depth += 1
        if depth > options.maxDepth {
            throw YAMLParseError("nesting deeper than \(options.maxDepth) levels", at: offset)
        }
    }

    // MARK: sequences

    mutating func parseBlockSequence() throws(YAMLParseError) -> (value: JSONValue, nodes: Int) {
        let start = try scanner.next()
        try enter(start.start)
        var items: [JSONValue] = []
        var nodes = 1
        while true {
            let t = try scanner.peek()
            if case .blockEntry = t.kind {
                _ = try scanner.next()
                path.append(String(items.count))
                let after = try scanner.peek()
                let item: (value: JSONValue, nodes: Int)
                switch after.kind {
                case .blockEntry, .blockEnd: item = emptyValue(at: t.end)
                default: item = try parseNode(block: true)
                }
                path.removeLast()
                items.append(item.value); nodes += item.nodes
            } else if case .blockEnd = t.kind {
                _ = try scanner.next()
                break
            } else if case .blockSequenceStart = t.kind {
                throw YAMLParseError("this '- ' entry is indented differently from the other entries of its sequence", at: t.start)
            } else {
                throw YAMLParseError("expected a '- ' sequence entry at this indentation, found \(t.describe)", at: t.start)
            }
        }
        depth -= 1
        return (.array(items), nodes)
    }

    /// `key:\n- a\n- b`: a sequence at the same indentation as its mapping key.
    mutating func parseIndentlessSequence() throws(YAMLParseError) -> (value: JSONValue, nodes: Int) {
        let first = try scanner.peek()
        try enter(first.start)
        var items: [JSONValue] = []
        var nodes = 1
        while true {
            let t = try scanner.peek()
            guard case .blockEntry = t.kind else { break }
            _ = try scanner.next()
            path.append(String(items.count))
            let after = try scanner.peek()
            let item: (value: JSONValue, nodes: Int)
            switch after.kind {
            case .blockEntry, .key, .value, .blockEnd: item = emptyValue(at: t.end)
            default: item = try parseNode(block: true)
            }
            path.removeLast()
            items.append(item.value); nodes += item.nodes
        }
        depth -= 1
        return (.array(items), nodes)
    }

    mutating func parseFlowSequence() throws(YAMLParseError) -> (value: JSONValue, nodes: Int) {
        let open = try scanner.next()
        try enter(open.start)
        var items: [JSONValue] = []
        var nodes = 1
        var first = true
        while true {
            var t = try scanner.peek()
            if case .flowSequenceEnd = t.kind { _ = try scanner.next(); break }
            if !first {
                guard case .flowEntry = t.kind else {
                    throw YAMLParseError("expected ',' or ']' in the flow sequence opened at line \(lineOf(open.start)), found \(t.describe)", at: t.start)
                }
                _ = try scanner.next()
                t = try scanner.peek()
                if case .flowSequenceEnd = t.kind { _ = try scanner.next(); break }
            }
            first = false
            path.append(String(items.count))
            let item: (value: JSONValue, nodes: Int)
            switch t.kind {
            case .key, .value:
                // A single-pair mapping inside a sequence: `[a: 1, ? b : 2]`.
                record(value: t.start)
                item = try parseFlowPair(closing: .flowSequenceEnd)
            default:
                item = try parseNode(block: false)
            }
            path.removeLast()
            items.append(item.value); nodes += item.nodes
        }
        depth -= 1
        return (.array(items), nodes)
    }

    mutating func parseFlowPair(closing: YAMLToken.Kind) throws(YAMLParseError) -> (value: JSONValue, nodes: Int) {
        try enter(try scanner.peek().start)
        var members = MappingBuilder()
        try parseFlowEntry(into: &members, closing: closing)
        depth -= 1
        return (.object(members.object()), members.nodes)
    }

    // MARK: mappings

    /// Keys and values of a mapping under construction, with the first offset of each key for duplicates.
    struct MappingBuilder {
        var keys: [String] = []
        var values: [JSONValue] = []
        var keyOffsets: [Int] = []
        var index: [String: Int]? = nil
        var nodes = 1

        func firstIndex(of key: String) -> Int? {
            if let index { return index[key] }
            return keys.firstIndex(of: key)
        }

        mutating func add(_ key: String, at offset: Int, _ value: JSONValue, nodes n: Int) {
            if index == nil && keys.count >= 16 {
                var d: [String: Int] = [:]
                for (k, key) in keys.enumerated() { d[key] = k }
                index = d
            }
            index?[key] = keys.count
            keys.append(key); values.append(value); keyOffsets.append(offset)
            nodes += n
        }

        func object() -> JSONObject { JSONObject(uncheckedKeys: keys, values: values) }
    }

    mutating func parseBlockMapping() throws(YAMLParseError) -> (value: JSONValue, nodes: Int) {
        let start = try scanner.next()
        try enter(start.start)
        var members = MappingBuilder()
        while true {
            let t = try scanner.peek()
            switch t.kind {
            case .key:
                _ = try scanner.next()
                let k = try scanner.peek()
                let key: (text: String, offset: Int)
                switch k.kind {
                case .key, .value, .blockEnd: key = ("null", t.start)
                default: key = try parseKey(block: true, indentlessSequence: true)
                }
                try addBlockValue(key, into: &members, after: t)
            case .value:
                try addBlockValue(("null", t.start), into: &members, after: t)
            case .blockEnd:
                _ = try scanner.next()
                depth -= 1
                return (.object(members.object()), members.nodes)
            default:
                throw YAMLParseError(blockMappingMessage(t), at: t.start)
            }
        }
    }

    func blockMappingMessage(_ t: YAMLToken) -> String {
        switch t.kind {
        case .blockEntry: return "a '- ' sequence entry cannot appear among the keys of a mapping at this indentation"
        case .blockSequenceStart: return "this '- ' entry lines up with neither the sequence above it nor the keys of this mapping"
        case .blockMappingStart: return "this key is indented differently from the other keys of its mapping"
        case .scalar, .alias, .anchor, .tag, .flowMappingStart, .flowSequenceStart:
            return "expected a mapping key ('key: value') at this indentation, found \(t.describe) without ':'"
        default: return "expected a mapping key at this indentation, found \(t.describe)"
        }
    }

    mutating func addBlockValue(_ key: (text: String, offset: Int), into members: inout MappingBuilder, after keyToken: YAMLToken) throws(YAMLParseError) {
        try checkDuplicate(key, members)
        path.append(key.text)
        if recordLocations && inKey == 0 { locations.keys[JSONPointer(tokens: path)] = key.offset }
        let value: (value: JSONValue, nodes: Int)
        let t = try scanner.peek()
        if case .value = t.kind {
            _ = try scanner.next()
            let v = try scanner.peek()
            switch v.kind {
            case .key, .value, .blockEnd: value = emptyValue(at: t.end)
            default: value = try parseNode(block: true, indentlessSequence: true)
            }
        } else {
            value = emptyValue(at: t.start)
        }
        path.removeLast()
        members.add(key.text, at: key.offset, value.value, nodes: value.nodes)
    }

    mutating func parseFlowMapping() throws(YAMLParseError) -> (value: JSONValue, nodes: Int) {
        let open = try scanner.next()
        try enter(open.start)
        var members = MappingBuilder()
        var first = true
        while true {
            var t = try scanner.peek()
            if case .flowMappingEnd = t.kind { _ = try scanner.next(); break }
            if !first {
                guard case .flowEntry = t.kind else {
                    throw YAMLParseError("expected ',' or '}' in the flow mapping opened at line \(lineOf(open.start)), found \(t.describe)", at: t.start)
                }
                _ = try scanner.next()
                t = try scanner.peek()
                if case .flowMappingEnd = t.kind { _ = try scanner.next(); break }
            }
            first = false
            try parseFlowEntry(into: &members, closing: .flowMappingEnd)
        }
        depth -= 1
        return (.object(members.object()), members.nodes)
    }

    /// One `key: value`, `? key : value`, `: value` or bare `key` of a flow mapping (or a pair in a sequence).
    mutating func parseFlowEntry(into members: inout MappingBuilder, closing: YAMLToken.Kind) throws(YAMLParseError) {
        var t = try scanner.peek()
        if case .key = t.kind { _ = try scanner.next(); t = try scanner.peek() }
        let key: (text: String, offset: Int)
        switch t.kind {
        case .value, .flowEntry: key = ("null", t.start)
        default:
            if t.kind == closing { key = ("null", t.start) } else { key = try parseKey(block: false) }
        }
        try checkDuplicate(key, members)
        path.append(key.text)
        if recordLocations && inKey == 0 { locations.keys[JSONPointer(tokens: path)] = key.offset }
        let value: (value: JSONValue, nodes: Int)
        let v = try scanner.peek()
        if case .value = v.kind {
            _ = try scanner.next()
            let after = try scanner.peek()
            if case .flowEntry = after.kind { value = emptyValue(at: v.end) }
            else if after.kind == closing { value = emptyValue(at: v.end) }
            else { value = try parseNode(block: false) }
        } else {
            value = emptyValue(at: v.start)
        }
        path.removeLast()
        members.add(key.text, at: key.offset, value.value, nodes: value.nodes)
    }

    /// A mapping key: its JSON key text (strings as they are, other values as compact JSON) and offset.
    mutating func parseKey(block: Bool, indentlessSequence: Bool = false) throws(YAMLParseError) -> (text: String, offset: Int) {
        let offset = try scanner.peek().start
        inKey += 1
        let node = try parseNode(block: block, indentlessSequence: indentlessSequence)
        inKey -= 1
        switch node.value {
        case .string(let s): return (s, offset)
        default: return (JSONWriter.write(node.value), offset)
        }
    }

    func checkDuplicate(_ key: (text: String, offset: Int), _ members: MappingBuilder) throws(YAMLParseError) {
        if let first = members.firstIndex(of: key.text) {
            throw YAMLParseError("duplicate key \(JSONWriter.quote(key.text)) (first at line \(lineOf(members.keyOffsets[first])))", at: key.offset)
        }
    }

    /// 1-based line of a byte offset, for messages that cite another place in the file.
    func lineOf(_ offset: Int) -> Int {
        var line = 1
        var k = 0
        let b = scanner.b
        let end = min(offset, b.count)
        while k < end {
            if b[k] == 0x0A { line += 1 } else if b[k] == 0x0D && (k + 1 >= b.count || b[k + 1] != 0x0A) { line += 1 }
            k += 1
        }
        return line
    }
}
