#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a local file the suite names (a suite, a `$ref`'d schema document) with a bound: only a regular
/// file, and at most `limit` bytes, so `/dev/zero`, a FIFO or a runaway file ends in a named problem
/// instead of a read that never finishes or fills memory.
public enum LocalFile {
    /// The most a suite or schema document may hold (a suite is kilobytes; OpenAI's whole spec is 3 MB).
    public static let defaultLimit = 64 << 20

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missing
        case folder
        /// A device, FIFO or socket: reading it could last forever.
        case notRegular
        case tooLarge(limit: Int)
        case unreadable

        public var description: String {
            switch self {
            case .missing: return "no such file"
            case .folder: return "is a folder, not a file"
            case .notRegular: return "is not a regular file (a device, FIFO or socket)"
            case .tooLarge(let limit): return "is larger than \(limit >> 20) MiB"
            case .unreadable: return "cannot read the file"
            }
        }
    }

    /// Why `read` gave no bytes ("" when it did), for messages that name the file themselves.
    public static func reason(_ result: Result<[UInt8], Problem>) -> String {
        if case .failure(let problem) = result { return problem.description }
        return ""
    }

    /// The file's bytes, or why there are none.
    public static func read(_ path: String, limit: Int = defaultLimit) -> Result<[UInt8], Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.folder)
        default: return .failure(.notRegular)
        }
        if Int(info.st_size) > limit { return .failure(.tooLarge(limit: limit)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        // Opened without following a swap to something else: the open file must be the regular file stat saw.
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(opened.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return .failure(.unreadable) }
            if n == 0 { return .success(bytes) }
            // A file that grows while it is read stops at the limit too.
            if bytes.count + n > limit { return .failure(.tooLarge(limit: limit)) }
            bytes.append(contentsOf: buffer[0..<n])
        }
    }

    private static func systemRead(_ fd: Int32, _ into: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, into, count)
        #else
        Darwin.read(fd, into, count)
        #endif
    }
}
