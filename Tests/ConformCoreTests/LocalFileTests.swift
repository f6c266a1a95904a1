import Foundation
import Testing
@testable import ConformCore

/// Files a suite names are read with a bound: a device, a FIFO or a huge file is a named problem, never a
/// read that lasts forever or fills memory.
@Suite struct LocalFileTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-localfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func readsARegularFileAndNamesEveryOtherCase() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.json")
        try #"{"a": 1}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(LocalFile.read(file.path) == .success(Array(#"{"a": 1}"#.utf8)))
        #expect(LocalFile.read(file.path, limit: 3) == .failure(.tooLarge(limit: 3)))
        #expect(LocalFile.read(dir.appendingPathComponent("none.json").path) == .failure(.missing))
        #expect(LocalFile.read(dir.path) == .failure(.folder))
        #expect(LocalFile.read("/dev/zero") == .failure(.notRegular))
        #expect(LocalFile.read("/dev/null") == .failure(.notRegular))
        let fifo = dir.appendingPathComponent("pipe").path
        try #require(mkfifo(fifo, 0o600) == 0)
        #expect(LocalFile.read(fifo) == .failure(.notRegular))  // no writer: a plain read would block forever
    }

    @Test func aSuiteOrRefThatIsADeviceIsAnErrorNotAHang() throws {
        do {
            _ = try SuiteLoader.load(path: "/dev/zero")
            Issue.record("/dev/zero loaded as a suite")
        } catch {
            #expect(error.errors.map(\.message) == ["is not a regular file (a device, FIFO or socket)"])
        }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let op = SuiteFixtures.listOperation(parameters: "").replacingOccurrences(of: "#/definitions/Page", with: "file:///dev/zero#/Page")
        let path = dir.appendingPathComponent("zero.json")
        try SuiteFixtures.suite(operation: op).write(to: path, atomically: true, encoding: .utf8)
        do {
            _ = try SuiteLoader.load(path: path.path)
            Issue.record("a $ref to /dev/zero loaded")
        } catch {
            #expect(error.errors.map(\.message).first?.hasPrefix(#"unresolved $ref "file:///dev/zero#/Page""#) == true, "\(error.errors.map(\.message))")
        }
    }
}

