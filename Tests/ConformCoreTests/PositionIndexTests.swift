@testable import ConformCore
import Testing

/// The position index behind duplicate ids (walks) and the catalog record: the same answers as a `Set`.
@Suite struct PositionIndexTests {
    /// Indexes `values` in order; returns, per position, the earlier position of an equal value (nil when first).
    func firstPositions<T: Hashable>(_ values: [T], hash: (T) -> Int = { $0.hashValue }) -> [Int?] {
        var index = PositionIndex()
        return values.indices.map { p in
            index.insert(p, hash: hash(values[p]), hashAt: { hash(values[$0]) }, matches: { values[$0] == values[p] })
        }
    }

    @Test func agreesWithASetOverManyValuesAndGrowths() {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<50_000).map { _ in "id-\(Int.random(in: 0..<30_000, using: &generator))" }
        let answers = firstPositions(values)
        var first: [String: Int] = [:]
        for (p, v) in values.enumerated() {
            #expect(answers[p] == first[v], "position \(p) (\(v))")
            if first[v] == nil { first[v] = p }
        }
        var index = PositionIndex()
        for (p, v) in values.enumerated() {
            _ = index.insert(p, hash: v.hashValue, hashAt: { values[$0].hashValue }, matches: { values[$0] == v })
        }
        #expect(index.count == Set(values).count)
    }

    @Test func equalHashesAreToldApartByTheElements() {
        // Every value hashes alike: the index must compare elements, not trust the hash.
        let values = (0..<2_000).map { $0 % 700 }
        let answers = firstPositions(values, hash: { _ in 42 })
        for (p, v) in values.enumerated() {
            #expect(answers[p] == (p < 700 ? nil : v), "position \(p)")
        }
    }

    @Test func typedIdsStayApart() {
        // The walk's duplicate rule tells the string "1" from the number 1.
        let values: [JSONValue] = [.string("1"), JSONValue(1), .string("1"), JSONValue(1), .null]
        #expect(firstPositions(values) == [nil, nil, 0, 1, nil])
    }
}
