/// An ordered JSON object: members in document order, looked up by key.
///
/// Model objects have a few dozen keys at most, so lookup is a linear scan over a contiguous array,
/// which beats hashing at that size and keeps construction in the parser cheap.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    public private(set) var keys: [String]
    public private(set) var values: [JSONValue]

    public init() { keys = []; values = [] }

    public init(_ pairs: [(String, JSONValue)]) {
        keys = []; values = []
        keys.reserveCapacity(pairs.count); values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// Builds from parallel arrays the parser has already checked (no duplicate handling).
    init(uncheckedKeys: [String], values: [JSONValue]) {
        self.keys = uncheckedKeys
        self.values = values
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> (key: String, value: JSONValue) { (keys[position], values[position]) }

    public func index(forKey key: String) -> Int? { keys.firstIndex(of: key) }

    /// Reading returns the member or nil; writing replaces in place or appends; writing nil removes.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = index(forKey: key) else { return nil }
            return values[i]
        }
        set {
            if let i = index(forKey: key) {
                if let newValue { values[i] = newValue } else { keys.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                keys.append(key); values.append(newValue)
            }
        }
    }

    /// Members compare regardless of order, as JSON objects do.
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.keys.count == b.keys.count else { return false }
        for (k, v) in zip(a.keys, a.values) {
            guard let other = b[k], other == v else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes commutatively.
        var acc = 0
        for (k, v) in zip(keys, values) {
            var h = Hasher(); h.combine(k); h.combine(v)
            acc ^= h.finalize()
        }
        hasher.combine(keys.count); hasher.combine(acc)
    }
}
