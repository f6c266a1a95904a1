/// Reads a suite document value by value, recording every problem instead of stopping at the first.
///
/// Each accessor reports a wrong type or a missing key at the value's position and returns nil, so the
/// caller carries on with the rest of the document and the user sees every problem in one run.
final class SuiteReader {
    let file: SuiteFile
    private var errors: [SuiteLoadError] = []

    init(file: SuiteFile) { self.file = file }

    var hasErrors: Bool { !errors.isEmpty }

    /// Records a problem at the value (or, with `key`, at the member key) a pointer names.
    func error(_ message: String, at pointer: JSONPointer, key: Bool = false, hidesSourceLine: Bool = false) {
        let offset = file.locations.offset(of: pointer, preferKey: key)
        errors.append(SuiteLoadError(message, pointer: pointer, offset: offset, hidesSourceLine: hidesSourceLine))
    }

    /// Records a problem at an explicit byte offset (a character inside a string).
    func error(_ message: String, at pointer: JSONPointer, offset: Int) {
        errors.append(SuiteLoadError(message, pointer: pointer, offset: offset))
    }

    /// Every problem once, in file order (problems found by later passes land where they belong).
    var sortedErrors: [SuiteLoadError] {
        var seen = Set<SuiteLoadError>()
        let unique = errors.filter { seen.insert($0).inserted }
        return unique.enumerated().sorted { a, b in
            let (oa, ob) = (a.element.offset ?? 0, b.element.offset ?? 0)
            return oa != ob ? oa < ob : a.offset < b.offset
        }.map(\.element)
    }

    /// The value at a pointer as an object reader, or nil (reported) when it is not an object.
    func members(_ value: JSONValue, at pointer: JSONPointer, what: String) -> Members? {
        guard case .object(let object) = value else {
            error("\(what) must be an object, got \(value.typedDescription(limit: 40))", at: pointer)
            return nil
        }
        return Members(object: object, pointer: pointer, what: what, reader: self)
    }

    /// The elements of an array with their pointers, or nil (reported) when the value is not an array.
    func elements(_ value: JSONValue, at pointer: JSONPointer, what: String) -> [(JSONValue, JSONPointer)]? {
        guard case .array(let array) = value else {
            error("\(what) must be an array, got \(value.typedDescription(limit: 40))", at: pointer)
            return nil
        }
        return array.enumerated().map { ($0.element, pointer.appending($0.offset)) }
    }

    /// The value as an Int, or nil (reported) when it is not an integer that fits.
    func integer(_ value: JSONValue, at pointer: JSONPointer, what: String) -> Int? {
        if case .number(let n) = value, n.isInteger, let i = n.int64Value, let v = Int(exactly: i) { return v }
        error("\(what) must be an integer, got \(value.typedDescription(limit: 40))", at: pointer)
        return nil
    }

    /// The value as a non-empty string, or nil (reported).
    func string(_ value: JSONValue, at pointer: JSONPointer, what: String) -> String? {
        guard case .string(let s) = value else {
            error("\(what) must be a string, got \(value.typedDescription(limit: 40))", at: pointer)
            return nil
        }
        guard !s.isEmpty else {
            error("\(what) must not be empty", at: pointer)
            return nil
        }
        return s
    }

    /// The value as one of a fixed set of words, with a did-you-mean when it is near one.
    func word(_ value: JSONValue, at pointer: JSONPointer, what: String, among choices: [String]) -> String? {
        guard let s = string(value, at: pointer, what: what) else { return nil }
        guard choices.contains(s) else {
            let hint = NearestName.hint(s, in: choices)
            let list = hint.isEmpty ? " (expected one of: \(choices.joined(separator: ", ")))" : ""
            error("\(what) \(JSONWriter.quote(s)) is not valid\(list)\(hint)", at: pointer)
            return nil
        }
        return s
    }

    /// An id: letters, digits, `.`, `_`, `-`, starting with a letter or digit.
    func id(_ value: JSONValue, at pointer: JSONPointer, what: String) -> String? {
        guard let s = string(value, at: pointer, what: what) else { return nil }
        guard Self.isID(s) else {
            error("\(what) \(JSONWriter.quote(s)) must be letters, digits, '.', '_' or '-', starting with a letter or digit", at: pointer)
            return nil
        }
        return s
    }

    static func isID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, isAlnum(first) else { return false }
        return s.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }
}
