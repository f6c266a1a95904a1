/// One target's part of a compatibility run: the target and the results of every suite against it.
public struct TargetRun: Sendable {
    /// The target as the targets file names it.
    public var target: Target
    /// What every suite found there (each suite's `target` label is the target's name).
    public var result: RunResult

    public init(target: Target, result: RunResult) { self.target = target; self.result = result }
}
