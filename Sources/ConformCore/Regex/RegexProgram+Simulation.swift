extension RegexProgram {
    /// The set of threads (instruction indices) at one input position: each instruction at most once,
    /// which is what bounds the work per position by the program's size.
    struct ThreadList {
        var dense: [Int32]
        var sparse: [Int32]
        var count = 0

        init(capacity: Int) {
            dense = [Int32](repeating: 0, count: capacity)
            sparse = [Int32](repeating: 0, count: capacity)
        }

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
        var current = ThreadList(capacity: instructions.count)
        var next = ThreadList(capacity: instructions.count)
        var stack: [Int] = []
        var scalars = s.unicodeScalars.makeIterator()
        var previous: UInt32?
        var here = scalars.next()?.value
        var atFirst = true
        while true {
            if atFirst || !anchoredAtStart {
                if follow(0, into: &current, previous: previous, here: here, stack: &stack, steps: &steps) { return true }
            }
            guard let c = here, current.count > 0 || !anchoredAtStart else { return false }
            let after = scalars.next()?.value
            next.count = 0
            for k in 0..<current.count {
                let pc = Int(current.dense[k])
                steps += 1
                let advances: Bool
                switch instructions[pc] {
                case .scalar(let x): advances = x == c
                case .set(let index): advances = member(c, of: index)
                case .anyExceptNewline: advances = c != 0x0A && c != 0x0D && c != 0x2028 && c != 0x2029
                default: advances = false
                }
                if advances, follow(pc + 1, into: &next, previous: c, here: after, stack: &stack, steps: &steps) { return true }
            }
            swap(&current, &next)
            previous = c
            here = after
            atFirst = false
        }
    }

    @inline(__always) private func member(_ c: UInt32, of index: Int) -> Bool {
        if c < 64 { return asciiMasks[index].0 & (1 << UInt64(c)) != 0 }
        if c < 128 { return asciiMasks[index].1 & (1 << UInt64(c - 64)) != 0 }
        return classes[index].contains(c)
    }

    /// Adds `start` and every instruction reachable from it without consuming input (splits, jumps,
    /// assertions that hold here); true when `.match` is reachable.
    private func follow(_ start: Int, into list: inout ThreadList, previous: UInt32?, here: UInt32?,
                        stack: inout [Int], steps: inout Int) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            steps += 1
            switch instructions[pc] {
            case .match:
                stack.removeAll(keepingCapacity: true)
                return true
            case .jump(let target):
                stack.append(target)
            case .split(let a, let b):
                stack.append(b); stack.append(a)
            case .assert(let assertion):
                if Self.holds(assertion, previous: previous, here: here) { stack.append(pc + 1) }
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
