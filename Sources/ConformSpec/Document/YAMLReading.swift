import ConformCore

/// The bridge to ConformCore's YAML reader: values and locations as `JSONParser.parseWithLocations` gives them,
/// errors positioned in the file that was read.
enum YAMLReading {
    static func parse(_ bytes: [UInt8], source: SourceFile) throws(SpecError) -> (JSONValue, JSONLocations) {
        do {
            let (value, locations) = try YAMLParser.parseWithLocations(bytes)
            return (value, locations)
        } catch {
            throw SpecError(error.message, in: source, at: error.offset)
        }
    }
}
