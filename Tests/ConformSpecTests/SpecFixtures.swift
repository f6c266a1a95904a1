import ConformCore
import Foundation
@testable import ConformSpec

/// Paths of the bundled fixtures and of the shared real documents (`CONFORM_SHARED`, default ../shared).
enum SpecFixtures {
    static var folder: String { Bundle.module.resourceURL!.appendingPathComponent("Fixtures").path }
    static func path(_ name: String) -> String { folder + "/" + name }

    static var shared: String {
        if let env = ProcessInfo.processInfo.environment["CONFORM_SHARED"], !env.isEmpty { return env }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared").standardized.path
    }
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
    static var seeds: String { shared + "/seeds" }
    static var hasShared: Bool { FileManager.default.fileExists(atPath: seeds + "/scale-gp-v4-list-models.openapi.txt") }

    /// The changes from `old` to `new` (whole documents, or the named operations).
    static func diff(_ old: String, _ new: String, operations: [String] = [], components: Bool = false) throws -> [SpecChange] {
        let a = try OpenAPIDocument(path: old), b = try OpenAPIDocument(path: new)
        return try SpecDiff.compare(old: .init(documents: a.documents, operations: try a.select(operations, lenient: true)),
                                    new: .init(documents: b.documents, operations: try b.select(operations, lenient: true)),
                                    components: components)
    }
}
