// CONTRACT PLACEHOLDER — replaced by the branch that implements this command.
enum SchemaCommand {
    static func run(_ args: [String]) -> Int32 {
        Console.err("error: 'schema' is not available in this build")
        return 2
    }
}
