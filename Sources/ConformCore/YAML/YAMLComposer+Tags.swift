/// Tags: handles expanded through `%TAG`, core-schema tags (`!!str`, `!!int`, …) honoured, other tags
/// (local `!thing` or foreign URIs) keep the value as it would be untagged.
extension YAMLComposer {
    /// The full tag (`tag:yaml.org,2002:str`, `!local`, or `!` for the non-specific tag).
    func resolveTag(handle: String, suffix: String, at offset: Int) throws(YAMLParseError) -> String {
        if handle.isEmpty { return suffix }  // verbatim
        guard let prefix = tagHandles[handle] else {
            throw YAMLParseError("the tag handle \(handle) is not declared (add '%TAG \(handle) <prefix>' before '---')", at: offset)
        }
        return prefix + suffix
    }

    /// A scalar's JSON value: plain scalars through the core schema unless a tag says otherwise;
    /// quoted and block scalars are strings.
    func resolveScalar(_ text: String, style: YAMLScalarStyle, tag: String?, tagOffset: Int, at offset: Int) throws(YAMLParseError) -> JSONValue {
        guard let tag else { return style == .plain ? YAMLCoreSchema.resolvePlain(text) : .string(text) }
        if tag == "!" { return .string(text) }
        guard tag.hasPrefix(Self.coreTagPrefix) else {
            return style == .plain ? YAMLCoreSchema.resolvePlain(text) : .string(text)
        }
        let name = tag.dropFirst(Self.coreTagPrefix.count)
        switch name {
        case "str":
            return .string(text)
        case "null":
            guard YAMLCoreSchema.isNull(text) else { throw YAMLParseError("!!null takes null, Null, NULL, ~ or nothing, not \(JSONWriter.quote(text))", at: offset) }
            return .null
        case "bool":
            guard let b = YAMLCoreSchema.bool(text) else { throw YAMLParseError("!!bool takes true or false, not \(JSONWriter.quote(text))", at: offset) }
            return .bool(b)
        case "int":
            guard let n = YAMLCoreSchema.integer(text) else { throw YAMLParseError("!!int takes an integer (decimal, 0o octal or 0x hexadecimal), not \(JSONWriter.quote(text))", at: offset) }
            return .number(n)
        case "float":
            if YAMLCoreSchema.isSpecialFloat(text) { return .string(text) }
            guard let n = YAMLCoreSchema.number(text) else { throw YAMLParseError("!!float takes a number, not \(JSONWriter.quote(text))", at: offset) }
            return .number(n)
        case "map", "seq":
            throw YAMLParseError("the tag !!\(name) names a \(name == "map" ? "mapping" : "sequence"), but the node is a scalar", at: tagOffset)
        default:
            // !!binary, !!timestamp, … : kept as their text.
            return .string(text)
        }
    }

    /// `!!map` on a sequence, `!!seq` on a mapping, or a scalar tag on a collection is refused.
    func checkCollectionTag(_ tag: String, _ value: JSONValue, at offset: Int) throws(YAMLParseError) {
        guard tag.hasPrefix(Self.coreTagPrefix) else { return }
        let name = String(tag.dropFirst(Self.coreTagPrefix.count))
        switch value {
        case .array:
            if name != "seq" && ["map", "str", "int", "float", "bool", "null"].contains(name) {
                throw YAMLParseError("the tag !!\(name) does not fit a sequence", at: offset)
            }
        case .object:
            if name != "map" && ["seq", "str", "int", "float", "bool", "null"].contains(name) {
                throw YAMLParseError("the tag !!\(name) does not fit a mapping", at: offset)
            }
        default:
            break
        }
    }
}
