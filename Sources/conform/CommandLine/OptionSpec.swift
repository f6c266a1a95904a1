import ConformCore

/// One command-line option: `--timeout SECONDS`, `--quiet`, `--var NAME=VALUE` (repeatable).
struct OptionSpec {
    let long: String
    let short: Character?
    /// Name of the value in help (`SECONDS`); nil for a flag that takes none.
    let valueName: String?
    let repeatable: Bool
    let help: String
    /// A report file that may be `-`, standard output. Any other `FILE` option refuses `-` clearly.
    let stdout: Bool

    init(_ long: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false, stdout: Bool = false, help: String) {
        self.long = long; self.short = short; self.valueName = value; self.repeatable = repeatable; self.stdout = stdout; self.help = help
    }
}

/// A command's interface: what `--help` prints and what `ParsedArguments` accepts.
struct CommandSpec {
    let name: String
    let summary: String
    /// `conform run PATH... [options]`.
    let usage: String
    let options: [OptionSpec]
    /// Free text after the options in `--help` (exit codes, examples).
    let discussion: String

    var helpText: String {
        var lines = ["\(summary)", "", "USAGE: \(usage)", "", "OPTIONS:"]
        let all = options + [OptionSpec("ascii", help: "Print + x > -> instead of ✔ ✘ › → (automatic when the locale is not UTF-8)."),
                             OptionSpec("help", short: "h", help: "Show this help.")]
        let labels = all.map { o -> String in
            var s = o.short.map { "-\($0), " } ?? "    "
            s += "--\(o.long)"
            if let v = o.valueName { s += " \(v)" }
            return s
        }
        let width = min(34, (labels.map(\.count).max() ?? 0) + 2)
        for (label, o) in zip(labels, all) {
            let pad = label.count < width ? String(repeating: " ", count: width - label.count) : "\n" + String(repeating: " ", count: width + 2)
            lines.append("  \(label)\(pad)\(o.help)")
        }
        if !discussion.isEmpty { lines += ["", discussion] }
        return lines.joined(separator: "\n")
    }
}

/// A command line that broke the command's rules: printed with the usage line, exit 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Options and positional arguments, as parsed against a `CommandSpec`.
struct ParsedArguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []
    var helpRequested = false

    /// Parses `args` (without the command name). Accepts `--name value`, `--name=value`, `-x value`, `--`.
    init(_ args: [String], spec: CommandSpec) throws(UsageError) {
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositional || arg == "-" || !arg.hasPrefix("-") { positional.append(arg); continue }
            if arg == "--" { onlyPositional = true; continue }
            if arg == "--help" || arg == "-h" { helpRequested = true; continue }
            var name: String
            var inlineValue: String?
            let option: OptionSpec
            if arg.hasPrefix("--") {
                name = String(arg.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                guard let o = spec.options.first(where: { $0.long == name }) else {
                    let hint = NearestName.find(name, in: spec.options.map(\.long) + ["help"]).map { "; did you mean --\($0)?" } ?? ""
                    throw UsageError(message: "unknown option --\(name) for '\(spec.name)'\(hint)")
                }
                option = o
            } else {
                let chars = Array(arg.dropFirst())
                guard chars.count == 1, let o = spec.options.first(where: { $0.short == chars[0] }) else {
                    throw UsageError(message: "unknown option \(arg) for '\(spec.name)'")
                }
                option = o
                name = o.long
            }
            if option.valueName == nil {
                if inlineValue != nil { throw UsageError(message: "--\(name) takes no value") }
                flags.insert(name)
                continue
            }
            let value: String
            if let v = inlineValue { value = v } else {
                guard i < args.count else { throw UsageError(message: "--\(name) needs a value (\(option.valueName!))") }
                value = args[i]
                i += 1
            }
            if value == "-", option.valueName?.hasSuffix("FILE") == true || option.valueName?.hasSuffix(".json") == true, !option.stdout {
                throw UsageError(message: "--\(name) -: '-' (standard input or output) is not supported by 'conform \(spec.name)'; give a file path")
            }
            if !option.repeatable, values[name] != nil {
                throw UsageError(message: "--\(name) given more than once")
            }
            values[name, default: []].append(value)
        }
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// A numeric option within a range, or a usage error naming what would be right.
    func number(_ name: String, default def: Double, range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let text = value(name) else { return def }
        guard let v = Double(text), v.isFinite else {
            throw UsageError(message: "--\(name) expects a number, got '\(text)'")
        }
        guard range.contains(v) else {
            throw UsageError(message: "--\(name) must be between \(Self.fmt(range.lowerBound)) and \(Self.fmt(range.upperBound)), got \(text)")
        }
        return v
    }

    func integer(_ name: String, default def: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = value(name) else { return def }
        guard let v = Int(text) else { throw UsageError(message: "--\(name) expects a whole number, got '\(text)'") }
        guard range.contains(v) else { throw UsageError(message: "--\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(v)") }
        return v
    }

    private static func fmt(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
