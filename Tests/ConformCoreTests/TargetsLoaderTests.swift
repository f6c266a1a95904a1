import ConformCore
import Testing

/// The targets file loads strictly: positions, did-you-mean, unique names, and no secret echoed.
@Suite struct TargetsLoaderTests {
    static func load(_ text: String) throws(SuiteLoadFailure) -> [Target] {
        try TargetsLoader.load(source: SourceFile(path: "targets.json", text: text))
    }

    @Test func aGoodFileLoadsInOrder() throws {
        let targets = try Self.load("""
        { "$schema": "./targets.schema.json",
          "targets": [
            { "name": "litellm-1.106", "baseUrl": "http://127.0.0.1:4000/v1", "credentials": { "OPENAI_API_KEY": "LITELLM_MASTER_KEY" },
              "labels": { "vendor": "LiteLLM", "version": "1.106.0" } },
            { "name": "mock", "baseUrl": "http://127.0.0.1:9000/v1" } ] }
        """)
        #expect(targets.map(\.name) == ["litellm-1.106", "mock"])
        #expect(targets[0].credentials == ["OPENAI_API_KEY": "LITELLM_MASTER_KEY"])
        #expect(targets[0].labels == [Target.Label(name: "vendor", value: "LiteLLM"), Target.Label(name: "version", value: "1.106.0")])
        #expect(targets[1].credentials.isEmpty)
    }

    @Test func everyProblemHasItsPositionAndANearName() {
        let text = """
        { "targets": [
            { "name": "a", "baseUrl": "http://127.0.0.1:1", "labls": {} },
            { "name": "a", "baseUrl": "http://x" },
            { "name": "b", "baseUrl": "ftp://x" },
            { "name": "c", "baseUrl": "http://x", "credentials": { "OPENAI_API_KEY": "sk-live-abc" } } ] }
        """
        do {
            _ = try Self.load(text)
            Issue.record("loaded")
        } catch {
            let lines = error.rendered.split(separator: "\n").map(String.init).filter { $0.hasPrefix("targets.json:") }
            #expect(lines.count == 4, "\(error.rendered)")
            #expect(lines.contains { $0.hasPrefix("targets.json:2:53: error: unknown key \"labls\" in target; did you mean \"labels\"?") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("targets.json:3:15: error: target name \"a\" is already used at targets.json:2:15") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("targets.json:4:31: error: \"baseUrl\" must start with http:// or https://") }, "\(lines)")
            #expect(!error.rendered.contains("sk-live-abc"), "a pasted secret is never echoed")
        }
    }

    @Test func anEmptyListIsAnError() {
        #expect(throws: SuiteLoadFailure.self) { try Self.load(#"{ "targets": [] }"#) }
        #expect(throws: SuiteLoadFailure.self) { try Self.load(#"{ "targets": [ { "name": "x" } ] }"#) }
    }
}
