import Foundation

/// Best-of-N wall-clock timing and the process's peak resident set size.
enum BenchTimer {
    /// The fastest of `repetitions` runs, in seconds; `body` returns a value so the work cannot be optimised away.
    static func best(_ repetitions: Int, _ body: () throws -> Int) rethrows -> (seconds: Double, checksum: Int) {
        var best = Double.infinity
        var checksum = 0
        let clock = ContinuousClock()
        for _ in 0..<max(1, repetitions) {
            var result = 0
            let elapsed = try clock.measure { result = try body() }
            checksum &+= result
            let c = elapsed.components
            best = min(best, Double(c.seconds) + Double(c.attoseconds) / 1e18)
        }
        return (best, checksum)
    }

    /// `VmHWM` from /proc/self/status in MB (peak resident memory so far), or nil where /proc is absent.
    static func peakResidentMB() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first
            return kb.map { $0 / 1024 }
        }
        return nil
    }
}
