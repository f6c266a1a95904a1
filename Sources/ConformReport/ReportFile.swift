#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A report file could not be written: which path, and why.
public struct ReportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report path as given.
    public var path: String
    /// What failed and the system's reason (`cannot replace the file: Is a directory`).
    public var reason: String
    /// An error for `path`.
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String { "cannot write report \(path): \(reason)" }
}

/// Writes report files atomically, so a CI job never reads half a report or one appended to yesterday's.
public enum ReportFile {
    /// Writes `text` to `path`: creates missing parent folders, writes a temporary file in the same folder,
    /// flushes it to disk, then renames it over `path` (replacing any existing file, never appending).
    public static func write(_ text: String, to path: String) throws {
        try write(to: path) { emit in
            var text = text
            try text.withUTF8 { try emit($0) }
        }
    }

    /// Writes what `produce` emits, in order, to `path` as `write(_:to:)` does (atomically): a report too big to hold
    /// twice is written a part at a time (a results file's catalog items).
    public static func write(to path: String, _ produce: (_ emit: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws {
        guard !path.isEmpty else { throw ReportFileError(path: path, reason: "empty path") }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        try makeDirectories(directory, for: path)
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw failure(path, "cannot create a temporary file in \(directory)") }
        // mkstemp replaced the X's in place; the array still ends with its NUL.
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            defer { close(fd) }
            // mkstemp makes 0600; reports are for CI to read and publish.
            _ = fchmod(fd, 0o644)
            try produce { (bytes) throws(ReportFileError) in try writeAll(bytes, to: fd, path: path) }
            guard fsync(fd) == 0 else { throw failure(path, "fsync failed") }
        } catch {
            unlink(tempPath)
            throw error
        }
        guard rename(tempPath, path) == 0 else {
            let error = failure(path, "cannot replace the file")
            unlink(tempPath)
            throw error
        }
        syncDirectory(directory)
    }

    /// `mkdir -p` with the system's reason on failure (Foundation's message on Linux says only that it failed).
    private static func makeDirectories(_ directory: String, for path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ReportFileError(path: path, reason: "\(directory) is not a folder") }
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != directory { try makeDirectories(parent, for: path) }
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw failure(path, "cannot create folder \(directory)")
        }
    }

    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32, path: String) throws(ReportFileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.baseAddress.map { systemWrite(fd, $0 + offset, bytes.count - offset) } ?? 0
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write failed")
            }
            offset += n
        }
    }

    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #else
    private static let systemWrite = Darwin.write
    #endif

    /// Makes the rename itself durable; a failure here is not worth failing the run over.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func failure(_ path: String, _ what: String) -> ReportFileError {
        ReportFileError(path: path, reason: what + ": " + String(cString: strerror(errno)))
    }
}
