import Foundation

/// Best-of-N wall-clock timing and the process's peak resident set size.
enum BenchTimer {
    /// The fastest of `repetitions` runs in wall-clock and in thread CPU seconds (on a shared machine the
    /// CPU time shows the work, the wall time what a user waits); `body` returns a value so the work stays.
    static func best(_ repetitions: Int, _ body: () throws -> Int) rethrows -> (seconds: Double, cpuSeconds: Double, checksum: Int) {
        var best = Double.infinity, bestCPU = Double.infinity
        var checksum = 0
        let clock = ContinuousClock()
        for _ in 0..<max(1, repetitions) {
            var result = 0
            let cpuStart = threadCPUSeconds()
            let elapsed = try clock.measure { result = try body() }
            bestCPU = min(bestCPU, threadCPUSeconds() - cpuStart)
            checksum &+= result
            let c = elapsed.components
            best = min(best, Double(c.seconds) + Double(c.attoseconds) / 1e18)
        }
        return (best, bestCPU, checksum)
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
