import Foundation

/// Loads a targets file strictly, like a suite: malformed JSON, duplicate or unknown keys (with the
/// nearest known one), wrong types, duplicate target names, a base URL that is not http(s) and a credential
/// that is not a variable name are each reported at `file:line:col`, all at once.
///
/// ```
/// targets.json:4:7: error: unknown key "baseURL" in target (did you mean "baseUrl"?) (at /targets/0/baseURL)
/// ```
public enum TargetsLoader {
    /// Keys of one target, in the order the schema documents them.
    static let targetKeys = ["name", "baseUrl", "credentials", "labels", "description"]

    /// Reads and loads a targets file.
    public static func load(path: String) throws(SuiteLoadFailure) -> [Target] {
        let read = LocalFile.read(path)
        guard case .success(let data) = read else {
            throw SuiteLoadFailure(path: path, source: nil, errors: [SuiteLoadError("cannot read the targets file: \(LocalFile.reason(read))", pointer: nil, offset: nil)])
        }
        return try load(source: SourceFile(path: path, bytes: [UInt8](data)))
    }

    /// Loads targets from bytes already read (the path is used in messages).
    public static func load(source: SourceFile) throws(SuiteLoadFailure) -> [Target] {
        let parsed: (value: JSONValue, locations: JSONLocations)
        do {
            parsed = try JSONParser.parseWithLocations(source.bytes, options: SuiteLoader.parserOptions)
        } catch {
            throw SuiteLoadFailure(path: source.path, source: source, errors: [SuiteLoadError(error.message, pointer: nil, offset: error.offset)])
        }
        let reader = SuiteReader(file: SuiteFile(source: source, document: parsed.value, locations: parsed.locations))
        var targets: [Target] = []
        if let root = reader.members(parsed.value, at: .root, what: "targets file") {
            root.allowOnly(["$schema", "description", "targets"])
            let elements = root.elements("targets", required: true) ?? []
            if elements.isEmpty, root.has("targets") { reader.error("\"targets\" must list at least one target", at: root.at("targets")) }
            var firstAt: [String: JSONPointer] = [:]
            for (value, pointer) in elements {
                guard let m = reader.members(value, at: pointer, what: "target") else { continue }
                guard let target = read(m, reader: reader) else { continue }
                if let first = firstAt[target.name] {
                    reader.error("target name \(JSONWriter.quote(target.name)) is already used at \(reader.file.location(of: first.appending("name"))); names are unique ids",
                                 at: m.at("name"))
                    continue
                }
                firstAt[target.name] = pointer
                targets.append(target)
            }
        }
        let errors = reader.sortedErrors
        guard errors.isEmpty else { throw SuiteLoadFailure(path: source.path, source: source, errors: errors) }
        return targets
    }

    static func read(_ m: Members, reader: SuiteReader) -> Target? {
        m.allowOnly(targetKeys)
        _ = m.string("description")
        let name = m.id("name", required: true)
        var baseURL = m.string("baseUrl", required: true)
        if let url = baseURL, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            reader.error("\"baseUrl\" must start with http:// or https://, got \(JSONWriter.quote(url))", at: m.at("baseUrl"))
            baseURL = nil
        }
        var credentials: [String: String] = [:]
        for (suiteVariable, value, pointer) in m.entries("credentials", what: "\"credentials\"") ?? [] {
            guard VariableName.isValid(suiteVariable) else {
                reader.error("a \"credentials\" key must name the suite's variable (^[A-Z_][A-Z0-9_]*$, like OPENAI_API_KEY); the key is not shown in case it is a secret",
                             at: pointer, key: true, hidesSourceLine: true)
                continue
            }
            guard case .string(let variable) = value, VariableName.isValid(variable) else {
                reader.error("credentials[\(JSONWriter.quote(suiteVariable))] must name the environment variable that holds this target's secret (^[A-Z_][A-Z0-9_]*$), never the secret itself; the value is not shown in case it is one",
                             at: pointer, hidesSourceLine: true)
                continue
            }
            credentials[suiteVariable] = variable
        }
        var labels: [Target.Label] = []
        for (label, value, pointer) in m.entries("labels", what: "\"labels\"") ?? [] {
            guard let text = reader.string(value, at: pointer, what: "label \(JSONWriter.quote(label))") else { continue }
            labels.append(Target.Label(name: label, value: text))
        }
        guard let name, let baseURL else { return nil }
        return Target(name: name, baseURL: baseURL, credentials: credentials, labels: labels)
    }
}
