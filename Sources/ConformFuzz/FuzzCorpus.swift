import Foundation

/// The inputs of a corpus: files named on the command line, and the files inside folders (not recursive), in
/// name order so a replay is reproducible.
public enum FuzzCorpus {
    /// The files `paths` name; a folder stands for its regular files. Throws for a path that does not exist.
    public static func files(_ paths: [String]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw FuzzFailure("\(path): no such file or folder")
            }
            guard isFolder.boolValue else { files.append(URL(fileURLWithPath: path)); continue }
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
            files += names.map { folder.appendingPathComponent($0) }.filter {
                (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            }
        }
        return files
    }

    /// Runs every file through `target`; returns one line per file whose invariant broke (`path: message`).
    public static func replay(_ target: FuzzTarget, files: [URL]) throws -> [String] {
        var failures: [String] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            do { try target.run(bytes) } catch { failures.append("\(file.path): \(error.message)") }
        }
        return failures
    }
}
