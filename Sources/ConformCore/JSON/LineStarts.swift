/// Where each line of a file starts: `line:col` for many offsets in one file by a binary search each, instead
/// of a scan from the top (a run reports the suite location of every check it makes).
public struct LineStarts: Sendable {
    /// Offset of the first byte of each line, ascending; line 1 starts at 0.
    private let starts: [Int]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for i in buffer.indices where buffer[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        self.starts = starts
    }

    /// The 1-based line holding `offset` and that line's first offset (a newline belongs to the line it ends).
    func line(containing offset: Int) -> (line: Int, start: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, starts[low])
    }
}
