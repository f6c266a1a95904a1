import ConformCore

/// The suites named on the command line: files as given, folders expanded by `SuiteLoader`.
enum SuiteInputs {
    /// Loads every path; all problems of all files come back rendered (`file:line:col: error: …`), so one
    /// run lists them all and sends nothing.
    static func load(_ paths: [String]) -> (suites: [Suite], problems: [String]) {
        let collection = SuiteLoader.load(paths: paths)
        return (collection.suites, collection.failures.map(\.rendered))
    }
}
