import ConformReport
import Foundation

/// "Today" for baseline expiry: the UTC date, or `CONFORM_TODAY=YYYY-MM-DD` (for tests and reproducible CI).
enum Today {
    /// The date to classify with, or a usage error when `CONFORM_TODAY` is set but not a date.
    static func date(environment: [String: String]) throws(UsageError) -> BaselineDate {
        if let text = environment["CONFORM_TODAY"], !text.isEmpty {
            guard let date = BaselineDate(text) else {
                throw UsageError(message: "CONFORM_TODAY must be a date YYYY-MM-DD, got '\(text)'")
            }
            return date
        }
        return BaselineDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
