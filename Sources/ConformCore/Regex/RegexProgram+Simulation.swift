extension RegexProgram {
    /// The set of threads (instruction indices) at one input position: each instruction at most once,
    /// which is what bounds the work per position by the program's size. Lives in scratch memory
    /// borrowed for one match.
    struct ThreadList {
        let dense: UnsafeMutablePointer<Int32>
        let sparse: UnsafeMutablePointer<Int32>
        var count = 0

        /// Adds `pc`; false when it was already there.
        @inline(__always) mutating func insert(_ pc: Int) -> Bool {
            let slot = Int(sparse[pc])
            if slot < count && Int(dense[slot]) == pc { return false }
            sparse[pc] = Int32(count)
            dense[count] = Int32(pc)
            count += 1
            return true
        }
    }

    /// Runs every thread in lockstep over the input's Unicode scalars; true as soon as one reaches `.match`.
    func simulate(_ s: String, steps: inout Int) -> Bool {
        let n = instructions.count
        // Two thread lists (dense + sparse each) and a stack: a follow pushes at most two per inserted instruction.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 6 * n + 2) { scratch in
            let base = scratch.baseAddress!
            base.initialize(repeating: 0, count: 4 * n)
            return instructions.withUnsafeBufferPointer { program in
                var current = ThreadList(dense: base, sparse: base + n)
                var next = ThreadList(dense: base + 2 * n, sparse: base + 3 * n)
                let stack = base + 4 * n
                var scalars = s.unicodeScalars.makeIterator()
                var previous: UInt32?
                var here = scalars.next()?.value
                var atFirst = true
                while true {
                    if atFirst || !anchoredAtStart {
                        if follow(0, program, into: &current, previous: previous, here: here, stack: stack, steps: &steps) { return true }
                    }
                    guard let c = here, current.count > 0 || !anchoredAtStart else { return false }
                    let after = scalars.next()?.value
                    next.count = 0
                    for k in 0..<current.count {
                        let pc = Int(current.dense[k])
                        steps += 1
                        let advances: Bool
                        switch program[pc] {
                        case .scalar(let x): advances = x == c
                        case .set(let index): advances = member(c, of: index)
                        case .anyExceptNewline: advances = c != 0x0A && c != 0x0D && c != 0x2028 && c != 0x2029
                        default: advances = false
                        }
                        if advances, follow(pc + 1, program, into: &next, previous: c, here: after, stack: stack, steps: &steps) { return true }
                    }
                    swap(&current, &next)
                    previous = c
                    here = after
                    atFirst = false
                }
            }
        }
    }

    @inline(__always) private func member(_ c: UInt32, of index: Int) -> Bool {
        if c < 64 { return asciiMasks[index].0 & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiMasks[index].1 & (1 << UInt64(c - 64)) != 0 }
        return classes[index].contains(c)
    }

    /// Adds `start` and every instruction reachable from it without consuming input (splits, jumps,
    /// assertions that hold here); true when `.match` is reachable.
    @inline(__always) private func follow(_ start: Int, _ program: UnsafeBufferPointer<RegexInstruction>, into list: inout ThreadList,
                                          previous: UInt32?, here: UInt32?, stack: UnsafeMutablePointer<Int32>, steps: inout Int) -> Bool {
        var top = 0
        stack[0] = Int32(start)
        top = 1
        while top > 0 {
            top -= 1
            let pc = Int(stack[top])
            guard list.insert(pc) else { continue }
            steps += 1
            switch program[pc] {
            case .match:
                return true
            case .jump(let target):
                stack[top] = Int32(target); top += 1
            case .split(let a, let b):
                stack[top] = Int32(b); stack[top + 1] = Int32(a); top += 2
            case .assert(let assertion):
                if Self.holds(assertion, previous: previous, here: here) { stack[top] = Int32(pc + 1); top += 1 }
            case .scalar, .set, .anyExceptNewline:
                continue
            }
        }
        return false
    }

    private static func holds(_ assertion: RegexAssertion, previous: UInt32?, here: UInt32?) -> Bool {
        switch assertion {
        case .start: return previous == nil
        case .end: return here == nil
        case .wordBoundary: return isWord(previous) != isWord(here)
        case .notWordBoundary: return isWord(previous) == isWord(here)
        }
    }

    @inline(__always) private static func isWord(_ c: UInt32?) -> Bool {
        guard let c, c < 128 else { return false }
        return (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F
    }
}
