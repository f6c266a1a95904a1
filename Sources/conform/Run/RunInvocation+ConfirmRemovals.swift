import ConformCore
import ConformReport
import ConformRun
import Foundation

extension RunInvocation {
    /// `--confirm-removals BEFORE.json`: the earlier run's catalogs; an unreadable or malformed file is a usage error.
    static func previousCatalogs(_ path: String) throws(UsageError) -> PreviousCatalogs {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "--confirm-removals: cannot read '\(path)'")
        }
        do {
            return PreviousCatalogs(try JSONReport.decode(String(decoding: data, as: UTF8.self)))
        } catch {
            throw UsageError(message: "--confirm-removals: '\(path)' is not a Conform results file: \(error)")
        }
    }
}
