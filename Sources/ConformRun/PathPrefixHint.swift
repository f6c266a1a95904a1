import ConformCore

/// A hint for the commonest wrong setup: a base URL without the path prefix the suite's paths expect.
///
/// When every response a suite got was a 404, or an HTML page (a web app's catch-all route), the paths
/// probably went to the wrong place: `--base-url http://host:3000` for a suite whose paths are relative
/// to `…/api`. The hint says which prefix the suite's own `baseUrl` carries.
///
/// ```
/// hint: every response of suite 'open-webui-list-models' was a 404 (19 responses): the base URL's path prefix is probably wrong.
///   Its paths (/models/list) are relative to the suite's base URL https://openwebui.example.com/api, so it expects a base URL ending in /api (got http://127.0.0.1:8080).
/// ```
public enum PathPrefixHint {
    /// The hint for one suite's results, or nil when some response looks like the API answered.
    public static func hint(for suite: Suite, result: SuiteResult) -> String? {
        let responses = result.cases.compactMap(\.response)
        guard !responses.isEmpty else { return nil }
        let notFound = responses.allSatisfy { $0.status == 404 }
        let html = responses.allSatisfy { r in
            r.headers.contains { $0.name.lowercased() == "content-type" && $0.value.lowercased().contains("text/html") }
        }
        guard notFound || html else { return nil }
        let what = notFound ? "a 404" : "an HTML page"
        let paths = Array(Set(suite.operations.map(\.path))).sorted()
        let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? ", …" : "")
        let count = "\(responses.count) response\(responses.count == 1 ? "" : "s")"
        let prefix = suite.basePath
        var given = suite
        given.baseURL = result.baseURL
        if given.basePath == prefix {
            // The prefix is the one the suite expects: the host or port is the likelier mistake.
            return "hint: every response of suite '\(suite.id)' was \(what) (\(count)): is \(result.baseURL) the API's base URL?\n"
                + "  Its paths (\(shown)) are appended to it, and it carries the path prefix the suite expects (\(prefix.isEmpty ? "none" : prefix))."
        }
        var text = "hint: every response of suite '\(suite.id)' was \(what) (\(count)): "
            + "the base URL's path prefix is probably wrong.\n  Its paths (\(shown)) are relative to the suite's base URL \(suite.baseURL), "
        text += prefix.isEmpty ? "so it expects a base URL with no path prefix" : "so it expects a base URL ending in \(prefix)"
        text += " (got \(result.baseURL))."
        return text
    }
}
