import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process run to its end, with what the kernel says of it: exit status and peak resident memory
/// (`wait4`'s `ru_maxrss`). A memory bound measured this way is the child's alone, whatever other tests in
/// this process allocate meanwhile. Blocking: call it through `offPool`.
public enum ChildProcess {
    public struct Exit: Sendable {
        public var status: Int32
        public var peakRSSBytes: Int
    }

    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Exit {
        var pid: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw NSError(domain: "ChildProcess", code: Int(spawned)) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return Exit(status: (status >> 8) & 0xFF, peakRSSBytes: Int(usage.ru_maxrss) * 1024)
    }
}
