extension SuiteBuilder {
    /// `formats`: `{"annotations": ["x-model-id"]}` — format names of the suite's own that schemas may use as
    /// annotations (never checked). Read before any schema, so the keyword check knows them.
    func readFormats(_ top: Members) -> [String] {
        guard let m = top.members("formats", what: "formats") else { return [] }
        m.allowOnly(["annotations"])
        var names: [String] = []
        for (name, pointer) in m.strings("annotations") ?? [] {
            if FormatChecker.standardNames.contains(name) {
                let role = FormatChecker.isKnown(name) ? "a format Conform checks" : "a standard format already"
                reader.error("format \(JSONWriter.quote(name)) is \(role); list only formats of your own", at: pointer)
            } else if names.contains(name) {
                reader.error("format \(JSONWriter.quote(name)) is listed twice", at: pointer)
            } else {
                names.append(name)
            }
        }
        return names
    }
}
