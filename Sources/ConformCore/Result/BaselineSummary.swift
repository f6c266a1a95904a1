/// What a baseline did to a run: counts per class and the entries that need a person's attention.
public struct BaselineSummary: Sendable, Hashable, Codable {
    /// Findings per class (`new`, `known`, `expired`) and entries per class (`stale`, `unobserved`, `orphaned`).
    public struct Counts: Sendable, Hashable, Codable {
        public var new = 0, known = 0, expired = 0, stale = 0, unobserved = 0, orphaned = 0
        /// Entries not yet expired whose `expires` falls within `BaselineSummary.expiringSoonDays`.
        public var expiringSoon = 0
        /// All counts zero.
        public init() {}

        /// The count of one class.
        public subscript(_ c: BaselineClass) -> Int {
            get {
                switch c {
                case .new: new
                case .known: known
                case .expired: expired
                case .stale: stale
                case .unobserved: unobserved
                case .orphaned: orphaned
                }
            }
            set {
                switch c {
                case .new: new = newValue
                case .known: known = newValue
                case .expired: expired = newValue
                case .stale: stale = newValue
                case .unobserved: unobserved = newValue
                case .orphaned: orphaned = newValue
                }
            }
        }
    }

    /// One entry that needs attention: expired, stale, unobserved, orphaned, or expiring soon.
    public struct Entry: Sendable, Hashable, Codable {
        /// The finding id the entry accepts.
        public var id: String
        /// `expired`, `stale`, `unobserved`, `orphaned`, or `known` (for an entry that is only expiring soon).
        public var classification: BaselineClass
        /// Why it is in this class, for a person: "fixed: its check passed in case list.default; remove this entry".
        public var note: String
        public var reason: String
        public var ticket: String?
        public var expires: String?
        /// True when `expires` is today or within `BaselineSummary.expiringSoonDays`.
        public var expiringSoon: Bool
        /// Where the finding was seen, as recorded in the entry (any may be nil in a hand-written entry).
        public var suite: String?, target: String?, caseId: String?, title: String?

        /// An entry's standing.
        public init(id: String, classification: BaselineClass, note: String, reason: String, ticket: String? = nil,
                    expires: String? = nil, expiringSoon: Bool = false, suite: String? = nil, target: String? = nil,
                    caseId: String? = nil, title: String? = nil) {
            self.id = id; self.classification = classification; self.note = note; self.reason = reason; self.ticket = ticket
            self.expires = expires; self.expiringSoon = expiringSoon; self.suite = suite; self.target = target
            self.caseId = caseId; self.title = title
        }
    }

    /// Entries expiring within this many days (today through today + 7) are warned about.
    public static let expiringSoonDays = 7

    /// The baseline file as given on the command line.
    public var file: String
    /// The date the classification used (`YYYY-MM-DD`, UTC).
    public var today: String
    /// `--allow-stale`: stale entries are warnings instead of failures.
    public var allowStale: Bool
    public var counts: Counts
    /// Entries that are expired, stale, unobserved, orphaned or expiring soon, in file order.
    public var entries: [Entry]

    /// A summary of one classification.
    public init(file: String, today: String, allowStale: Bool, counts: Counts = Counts(), entries: [Entry] = []) {
        self.file = file; self.today = today; self.allowStale = allowStale; self.counts = counts; self.entries = entries
    }

    /// Whether the baseline fails the run: a new or expired failure, or a stale entry without `--allow-stale`.
    public var failsRun: Bool { counts.new > 0 || counts.expired > 0 || (counts.stale > 0 && !allowStale) }
}
