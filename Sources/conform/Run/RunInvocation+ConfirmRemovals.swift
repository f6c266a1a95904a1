import ConformCore
import ConformReport
import ConformRun
import Foundation

extension RunInvocation {
    /// `--confirm-removals BEFORE.json`: the earlier run's catalogs; an unreadable or malformed file is a usage error.
    static func previousCatalogs(_ path: String) throws(UsageError) -> PreviousCatalogs {
        do {
            return PreviousCatalogs(try ResultsFiles.decode(file: path))
        } catch {
            throw UsageError(message: "--confirm-removals: \(error.description)")
        }
    }
}
