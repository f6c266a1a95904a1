import Foundation

/// Best-of-N wall-clock timing and the process's peak resident set size.
enum BenchTimer {
    /// The fastest of `repetitions` runs in wall-clock and in thread CPU seconds (on a shared machine the
    /// CPU time shows the work, the wall time what a user waits). What `body` returns is freed after the
    /// clock stops, for every phase alike: the figures measure producing a document, not tearing one down.
    static func best<T>(_ repetitions: Int, _ body: () throws -> T) rethrows -> (seconds: Double, cpuSeconds: Double) {
        var best = Double.infinity, bestCPU = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<max(1, repetitions) {
            var kept: T?
            let cpuStart = threadCPUSeconds()
            let elapsed = try clock.measure { kept = try body() }
            bestCPU = min(bestCPU, threadCPUSeconds() - cpuStart)
            let c = elapsed.components
            best = min(best, Double(c.seconds) + Double(c.attoseconds) / 1e18)
            withExtendedLifetime(kept) {}
            kept = nil
        }
        return (best, bestCPU)
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
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
