/// One object of a suite document being read: typed access to its members, and the unknown-key check.
struct Members {
    let object: JSONObject
    let pointer: JSONPointer
    /// What the object is, for messages ("operation", "case").
    let what: String
    let reader: SuiteReader

    /// Reports every key not in `known`, with the nearest known key when one is close.
    func allowOnly(_ known: [String]) {
        for key in object.keys where !known.contains(key) {
            let hint = NearestName.hint(key, in: known)
            let list = hint.isEmpty ? " (known keys: \(known.joined(separator: ", ")))" : ""
            reader.error("unknown key \(JSONWriter.quote(key)) in \(what)\(list)\(hint)", at: pointer.appending(key), key: true)
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// The member, or nil; a missing required member is reported at the object.
    func value(_ key: String, required: Bool = false) -> JSONValue? {
        if let v = object[key] { return v }
        if required { reader.error("\(what) is missing required key \(JSONWriter.quote(key))", at: pointer) }
        return nil
    }

    func at(_ key: String) -> JSONPointer { pointer.appending(key) }

    func string(_ key: String, required: Bool = false) -> String? {
        value(key, required: required).flatMap { reader.string($0, at: at(key), what: JSONWriter.quote(key)) }
    }

    func id(_ key: String, required: Bool = false) -> String? {
        value(key, required: required).flatMap { reader.id($0, at: at(key), what: JSONWriter.quote(key)) }
    }

    func word(_ key: String, among choices: [String], required: Bool = false) -> String? {
        value(key, required: required).flatMap { reader.word($0, at: at(key), what: JSONWriter.quote(key), among: choices) }
    }

    func bool(_ key: String) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else {
            reader.error("\(JSONWriter.quote(key)) must be a boolean, got \(v.typedDescription(limit: 40))", at: at(key))
            return nil
        }
        return b
    }

    /// An integer member, at least `minimum` when given.
    func integer(_ key: String, required: Bool = false, minimum: Int? = nil) -> Int? {
        guard let v = value(key, required: required),
              let i = reader.integer(v, at: at(key), what: JSONWriter.quote(key)) else { return nil }
        if let minimum, i < minimum {
            reader.error("\(JSONWriter.quote(key)) must be at least \(minimum), got \(i)", at: at(key))
            return nil
        }
        return i
    }

    func members(_ key: String, what: String, required: Bool = false) -> Members? {
        value(key, required: required).flatMap { reader.members($0, at: at(key), what: what) }
    }

    func elements(_ key: String, required: Bool = false) -> [(JSONValue, JSONPointer)]? {
        value(key, required: required).flatMap { reader.elements($0, at: at(key), what: JSONWriter.quote(key)) }
    }

    /// A list of strings (each non-empty), reporting each bad element.
    func strings(_ key: String, required: Bool = false) -> [(String, JSONPointer)]? {
        guard let items = elements(key, required: required) else { return nil }
        return items.compactMap { v, p in reader.string(v, at: p, what: "element of \(JSONWriter.quote(key))").map { ($0, p) } }
    }

    /// The members of an object-valued member, each with its pointer, in document order.
    func entries(_ key: String, what: String) -> [(String, JSONValue, JSONPointer)]? {
        guard let m = members(key, what: what) else { return nil }
        return m.object.map { ($0.key, $0.value, m.at($0.key)) }
    }
}
