import ConformFuzz
import Foundation
#if FUZZING
import CLibFuzzer
#endif

/// `conform-fuzz replay TARGET PATH...` runs corpus files through a harness without libFuzzer, so a normal build
/// reproduces a crash and CI replays the committed corpus: exit 0 when every input holds, 1 when one breaks an
/// invariant, 2 on a usage error.
///
/// Built with `-DFUZZING` and libFuzzer linked in (scripts/fuzz.sh), `CONFORM_FUZZ_TARGET=TARGET conform-fuzz
/// [libFuzzer options] [CORPUS...]` is the libFuzzer binary for that target instead; a broken invariant aborts,
/// which libFuzzer reports as a crash and keeps the input.
@main
enum ConformFuzzCommand {
    static let usage = """
        usage: conform-fuzz replay TARGET FILE-OR-FOLDER...
               conform-fuzz targets
        targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))

        """

    static func main() {
        #if FUZZING
        fuzz()
        #else
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "targets":
            print(FuzzTarget.allCases.map(\.rawValue).joined(separator: "\n"))
        case "replay" where arguments.count >= 3:
            replay(target(arguments[1]), paths: Array(arguments.dropFirst(2)))
        default:
            FileHandle.standardError.write(Data(usage.utf8))
            exit(2)
        }
        #endif
    }

    static func replay(_ target: FuzzTarget, paths: [String]) -> Never {
        do {
            let files = try FuzzCorpus.files(paths)
            let failures = try FuzzCorpus.replay(target, files: files)
            failures.forEach { print($0) }
            print("\(target.rawValue): \(files.count - failures.count) of \(files.count) inputs hold")
            exit(failures.isEmpty ? 0 : 1)
        } catch {
            fail("\(error)")
        }
    }

    static func target(_ name: String) -> FuzzTarget {
        guard let target = FuzzTarget(rawValue: name) else {
            fail("unknown target \(name); one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("conform-fuzz: \(message)\n".utf8))
        exit(2)
    }

    #if FUZZING
    /// The target of this process: libFuzzer's callback is a C function and cannot capture it.
    nonisolated(unsafe) static var selected = FuzzTarget.json

    /// Hands the process to libFuzzer, which reads the arguments; the target comes from `CONFORM_FUZZ_TARGET`
    /// (an environment variable, so the processes libFuzzer starts itself with `-fork` or `-jobs` fuzz it too).
    static func fuzz() -> Never {
        selected = target(ProcessInfo.processInfo.environment["CONFORM_FUZZ_TARGET"] ?? "")
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        var argc = CInt(argv.count)
        argv.append(nil)
        let status = argv.withUnsafeMutableBufferPointer { buffer -> CInt in
            var base = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &base) { data, size in
                let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                do { try ConformFuzzCommand.selected.run(bytes) } catch { fatalError("\(ConformFuzzCommand.selected.rawValue): \(error)") }
                return 0
            }
        }
        exit(status)
    }
    #endif
}
