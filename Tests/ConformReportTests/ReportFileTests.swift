import Foundation
import Testing
@testable import ConformReport

@Suite struct ReportFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-reportfile-\(UUID().uuidString)")

    private func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func createsParentFoldersAndReplacesAnExistingFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b/report.xml").path
        try ReportFile.write(String(repeating: "old report\n", count: 100), to: path)
        try ReportFile.write("new\n", to: path)
        #expect(read(path) == "new\n")
        // No temporary file is left behind beside it.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/b").path)
        #expect(siblings == ["report.xml"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func replacesASymlinkInsteadOfWritingThroughIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("target.txt").path
        let link = folder.appendingPathComponent("link.md").path
        try ReportFile.write("target\n", to: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try ReportFile.write("report\n", to: link)
        #expect(read(target) == "target\n")
        #expect(read(link) == "report\n")
    }

    @Test func errorsNameThePathAndTheReason() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plain-file").path
        try ReportFile.write("x", to: file)
        // A folder cannot be created where a file already is.
        let below = file + "/report.json"
        #expect {
            try ReportFile.write("{}", to: below)
        } throws: { error in
            guard let e = error as? ReportFileError else { return false }
            return e.path == below && e.description.contains(below) && !e.reason.isEmpty
        }
        // Renaming over a folder fails and leaves no temporary file.
        let dir = folder.appendingPathComponent("dir").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(throws: ReportFileError.self) { try ReportFile.write("x", to: dir) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["dir", "plain-file"])
    }

    @Test func writesAnEmptyReport() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.txt").path
        try ReportFile.write("", to: path)
        #expect(read(path) == "")
    }
}
