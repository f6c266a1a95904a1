/// Runs numbered jobs with at most `limit` in flight and hands results back in job order.
enum BoundedConcurrency {
    /// Results in job order; `delivered` sees each result as soon as every earlier job has finished, so
    /// console lines come out in plan order whatever the completion order.
    static func map<T: Sendable>(count: Int, limit: Int, _ job: @escaping @Sendable (Int) async -> T,
                                 delivered: (Int, T) -> Void = { _, _ in }) async -> [T] {
        var results = [T?](repeating: nil, count: count)
        var emitted = 0
        await withTaskGroup(of: (Int, T).self) { group in
            var next = 0
            while next < min(max(1, limit), count) {
                let i = next
                group.addTask { (i, await job(i)) }
                next += 1
            }
            while let (i, value) = await group.next() {
                results[i] = value
                while emitted < count, let ready = results[emitted] {
                    delivered(emitted, ready)
                    emitted += 1
                }
                if next < count {
                    let j = next
                    group.addTask { (j, await job(j)) }
                    next += 1
                }
            }
        }
        return results.compactMap { $0 }
    }
}
