/// The JSON types a `type` keyword admits (plus null for OpenAPI 3.0 `nullable`).
struct SchemaTypes: OptionSet {
    let rawValue: UInt8
    static let null = SchemaTypes(rawValue: 1)
    static let boolean = SchemaTypes(rawValue: 2)
    static let object = SchemaTypes(rawValue: 4)
    static let array = SchemaTypes(rawValue: 8)
    static let number = SchemaTypes(rawValue: 16)
    static let string = SchemaTypes(rawValue: 32)
    static let integer = SchemaTypes(rawValue: 64)

    static let names: [(String, SchemaTypes)] = [("null", .null), ("boolean", .boolean), ("object", .object),
        ("array", .array), ("number", .number), ("string", .string), ("integer", .integer)]

    init(rawValue: UInt8) { self.rawValue = rawValue }
    init?(name: String) {
        guard let t = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = t.1
    }

    @inline(__always)
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .number(let n): return contains(.number) || (contains(.integer) && Self.isInteger(n))
        }
    }

    /// `JSONNumber.isInteger`, with the common case (digits only, no `.` or exponent) settled by one pass
    /// over contiguous bytes rather than a generic UTF-8 view iteration.
    @inline(__always)
    static func isInteger(_ n: JSONNumber) -> Bool {
        var text = n.text
        let plain = text.withUTF8 { bytes in
            !bytes.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        }
        return plain || n.isInteger
    }

    /// `integer`, `string or null`.
    var description: String {
        let list = Self.names.filter { contains($0.1) }.map(\.0)
        return list.count <= 1 ? (list.first ?? "nothing") : list.dropLast().joined(separator: ", ") + " or " + list[list.count - 1]
    }
}
