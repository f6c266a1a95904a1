import ConformCore

/// A JSON Schema and an instance, split at the first NUL byte (no NUL: the document is validated against itself).
/// The schema compiles or reports its problems; a schema that compiles validates the instance, and the yes/no walk
/// (`isValid`) agrees with the collecting one (`validate`). No loader: a `$ref` never reaches the disk.
enum SchemaHarness {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let split = bytes.firstIndex(of: 0)
        let schemaBytes = Array(bytes[..<(split ?? bytes.count)])
        let instanceBytes = split.map { Array(bytes[($0 + 1)...]) } ?? schemaBytes
        guard let schema = try? JSONParser.parse(schemaBytes), let instance = try? JSONParser.parse(instanceBytes) else { return }
        let validator = SchemaValidator(document: schema, uri: "file:///nonexistent-conform-fuzz/schema.json")
        guard validator.compileProblems().isEmpty else { return }
        let errors = validator.validate(instance)
        let valid = validator.isValid(instance)
        guard valid == errors.isEmpty else {
            throw FuzzFailure("isValid says \(valid) but validate found \(errors.count) error(s)")
        }
    }
}
