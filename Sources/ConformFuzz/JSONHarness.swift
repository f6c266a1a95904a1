import ConformCore

/// `JSONParser` on any bytes, with both option sets Conform uses (plain for bodies, strict with locations for
/// suites). What parses must write and parse back to the same value, and the strict parse may only refuse more.
enum JSONHarness {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let plain: JSONValue
        do {
            plain = try JSONParser.parse(bytes)
        } catch {
            guard (0...bytes.count).contains(error.offset) else { throw FuzzFailure("error offset \(error.offset) outside 0...\(bytes.count)") }
            _ = error.rendered(in: SourceFile(path: "fuzz.json", bytes: bytes))
            return
        }
        let written = JSONWriter.bytes(plain)
        let again: JSONValue
        do { again = try JSONParser.parse(written) } catch {
            throw FuzzFailure("written JSON does not parse: \(error)")
        }
        guard again == plain else { throw FuzzFailure("written JSON parses to a different value: \(JSONWriter.write(again))") }
        if let strict = try? JSONParser.parseWithLocations(bytes, options: SuiteLoader.parserOptions) {
            guard strict.value == plain else { throw FuzzFailure("the strict parse differs from the plain one") }
        }
    }
}
