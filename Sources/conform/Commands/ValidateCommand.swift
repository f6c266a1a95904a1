// CONTRACT PLACEHOLDER — replaced by the branch that implements this command.
enum ValidateCommand {
    static func run(_ args: [String]) -> Int32 {
        Console.err("error: 'validate' is not available in this build")
        return 2
    }
}
