import ConformCore
import Foundation

/// Where the shipped suites are and how to load one.
enum SeedSuites {
    /// `suites/` at the package root, found from this file's path.
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("suites").path
    }()

    struct LoadProblem: Error, CustomStringConvertible { let description: String }

    static func load(_ name: String) throws -> Suite {
        do { return try SuiteLoader.load(path: folder + "/" + name + ".json") } catch {
            throw LoadProblem(description: error.rendered)
        }
    }
}
