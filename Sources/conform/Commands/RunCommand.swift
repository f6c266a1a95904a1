// CONTRACT PLACEHOLDER — replaced by the branch that implements this command.
enum RunCommand {
    static func run(_ args: [String]) -> Int32 {
        Console.err("error: 'run' is not available in this build")
        return 2
    }
}
