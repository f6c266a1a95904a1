// CONTRACT PLACEHOLDER — replaced by the branch that implements this command.
enum MockCommand {
    static func run(_ args: [String]) -> Int32 {
        Console.err("error: 'mock' is not available in this build")
        return 2
    }
}
