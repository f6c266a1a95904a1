import ConformFuzz
import Foundation
import Testing

/// The committed seed corpus (Tests/Fuzz/corpus/TARGET/) through each harness in a normal build: every input,
/// crashes found by fuzzing included, keeps holding; a target without seeds fails instead of passing empty.
@Suite struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    @Test(arguments: FuzzTarget.allCases)
    func everySeedHolds(_ target: FuzzTarget) throws {
        let files = try FuzzCorpus.files([Self.corpus.appendingPathComponent(target.rawValue).path])
        #expect(files.count >= 8, "\(target.rawValue) has \(files.count) seeds")
        let failures = try FuzzCorpus.replay(target, files: files)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func aMissingCorpusFolderIsAnError() {
        #expect(throws: FuzzFailure.self) { try FuzzCorpus.files([Self.corpus.appendingPathComponent("no-such-target").path]) }
    }
}
