extension SuiteBuilder {
    /// Parameter values by name (`query`, `path`, `probeQuery`, `listQuery`): each name must be a parameter
    /// of the operation in that location, each value a JSON scalar (or, in a query, a list of scalars).
    /// Values are not checked against the parameter's schema: a case may send one the API must reject.
    func parameterValues(_ m: Members, of op: Operation?, in location: Parameter.Location) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        for (name, value) in m.object {
            let pointer = m.at(name)
            if let op { checkParameterName(name, of: op, in: location, at: pointer) }
            guard checkParameterValue(value, at: pointer, allowArray: location == .query) else { continue }
            out.append((name, value))
        }
        return out
    }

    /// Reports a name that is not a parameter of the operation in that location (with the nearest name).
    func checkParameterName(_ name: String, of op: Operation, in location: Parameter.Location, at pointer: JSONPointer) {
        if let p = op.parameter(name) {
            guard p.location != location else { return }
            reader.error("\(JSONWriter.quote(name)) is a \(p.location.rawValue) parameter of operation \(JSONWriter.quote(op.id)), not a \(location.rawValue) parameter",
                         at: pointer, key: true)
            return
        }
        let names = op.parameters.filter { $0.location == location }.map(\.name)
        let hint = NearestName.hint(name, in: names)
        let list = hint.isEmpty ? (names.isEmpty ? " (it has none)" : " (it has: \(names.joined(separator: ", ")))") : ""
        reader.error("unknown \(location.rawValue) parameter \(JSONWriter.quote(name)) for operation \(JSONWriter.quote(op.id))\(list)\(hint)",
                     at: pointer, key: true)
    }

    /// A name that must be a query parameter of the operation (walk `pageParam`, `sizeParam`, `cursorParam`).
    func queryParameter(_ m: Members, _ key: String, of op: Operation?, required: Bool = false) -> String? {
        guard let name = m.string(key, required: required) else { return nil }
        if let op { checkParameterName(name, of: op, in: .query, at: m.at(key)) }
        return name
    }

    private func checkParameterValue(_ value: JSONValue, at pointer: JSONPointer, allowArray: Bool) -> Bool {
        switch value {
        case .string, .number, .bool:
            return true
        case .array(let items) where allowArray:
            var ok = true
            for (i, item) in items.enumerated() where !checkParameterValue(item, at: pointer.appending(i), allowArray: false) { ok = false }
            return ok
        default:
            let expected = allowArray ? "a string, number, boolean or a list of them" : "a string, number or boolean"
            reader.error("parameter value must be \(expected), got \(value.typedDescription(limit: 40))", at: pointer)
            return false
        }
    }
}
