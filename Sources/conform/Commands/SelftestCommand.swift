// CONTRACT PLACEHOLDER — replaced by the branch that implements this command.
enum SelftestCommand {
    static func run(_ args: [String]) -> Int32 {
        Console.err("error: 'selftest' is not available in this build")
        return 2
    }
}
