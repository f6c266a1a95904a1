// CONTRACT PLACEHOLDER — replaced by the branch that implements this command.
enum DemoCommand {
    static func run(_ args: [String]) -> Int32 {
        Console.err("error: 'demo' is not available in this build")
        return 2
    }
}
