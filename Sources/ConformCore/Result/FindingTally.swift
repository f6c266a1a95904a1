/// Decides, one instance at a time and in the order they are found, which instances of which problems a
/// check keeps under a `FindingLimit`, and counts the others exactly. Memory is bounded by the limit's
/// `problems`, never by the number of instances.
public struct FindingTally<Problem: Hashable> {
    public let limit: FindingLimit
    /// Instances kept per problem, for every problem counted.
    private var kept: [Problem: Int] = [:]
    /// Instances counted and not kept, per problem.
    private var extra: [Problem: Int] = [:]
    /// Problems with instances not kept, in the order of their first such instance.
    private var omittedOrder: [Problem] = []
    /// Instances kept beyond the first of each problem (what `limit.perCheck` bounds).
    private var keptBeyondFirst = 0
    /// Instances of problems past `limit.problems`: counted, neither kept nor told apart.
    public private(set) var unlisted = 0
    /// Every instance seen.
    public private(set) var total = 0

    public init(limit: FindingLimit) { self.limit = limit }

    /// Counts one instance of `problem`; true when it is to be kept in full.
    public mutating func admit(_ problem: Problem) -> Bool {
        total += 1
        if let k = kept[problem] {
            // A problem only counted so far (`omit`) keeps its first instance found here.
            if k == 0 || (k < limit.perProblem && keptBeyondFirst < limit.perCheck) {
                if k > 0 { keptBeyondFirst += 1 }
                kept[problem] = k + 1
                return true
            }
            add(problem, 1)
            return false
        }
        guard kept.count < limit.problems else { unlisted += 1; return false }
        kept[problem] = 1
        return true
    }

    /// Counts `count` instances of `problem` found and not kept elsewhere (a sub-validation's omissions).
    public mutating func omit(_ problem: Problem, count: Int) {
        guard count > 0 else { return }
        total += count
        if kept[problem] == nil, kept.count >= limit.problems { unlisted += count; return }
        if kept[problem] == nil { kept[problem] = 0 }
        add(problem, count)
    }

    /// Counts `count` instances past the problem limit found elsewhere.
    public mutating func omitUnlisted(_ count: Int) { unlisted += count; total += count }

    /// Problems with instances not kept, and how many, in the order the first of them was found.
    public var omitted: [(problem: Problem, count: Int)] { omittedOrder.map { ($0, extra[$0] ?? 0) } }

    private mutating func add(_ problem: Problem, _ count: Int) {
        if extra[problem] == nil { omittedOrder.append(problem) }
        extra[problem, default: 0] += count
    }
}
