import Testing
@testable import ConformReport

@Suite struct EscapingTests {
    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<x>", "&lt;x&gt;"),
        ("]]>", "]]&gt;"),
        ("\u{1B}[0m", "\\x1B[0m"),
        ("nul\u{0}", "nul\\x00"),
        ("\u{FFFE}\u{FFFF}", "\\u{FFFE}\\u{FFFF}"),
        ("c1\u{85}", "c1\\x85"),
        ("tab\tnl\n", "tab\tnl\n"),
        ("cr\r", "cr&#13;"),
        ("'\"", "'\""),
        ("🚀é", "🚀é"),
        ("👨\u{200D}👩", "👨\u{200D}👩"),
        ("evil\u{202E}txt.exe", "evil\\u{202E}txt.exe"),
        ("\u{FEFF}bom", "\\u{FEFF}bom"),
    ])
    func xmlText(input: String, expected: String) {
        #expect(XMLEscaping.text(input) == expected)
    }

    @Test(arguments: [
        ("'\"", "&apos;&quot;"),
        ("a\nb\tc\rd", "a&#10;b&#9;c&#13;d"),
        ("<&>", "&lt;&amp;&gt;"),
        ("\u{7}", "\\x07"),
    ])
    func xmlAttribute(input: String, expected: String) {
        #expect(XMLEscaping.attribute(input) == expected)
    }

    @Test(arguments: [
        ("a|b", "a\\|b"),
        ("`x`", "\\`x\\`"),
        ("<script>", "\\<script\\>"),
        ("*_[]~&", "\\*\\_\\[\\]\\~\\&"),
        ("two\nlines", "two lines"),
        ("\u{1B}[1m", "\\\\x1B\\[1m"),
    ])
    func markdownInline(input: String, expected: String) {
        #expect(MarkdownText.inline(input) == expected)
    }

    @Test(arguments: [
        ("# h", "\\# h"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("plain", "plain"),
    ])
    func markdownLineStart(input: String, expected: String) {
        #expect(MarkdownText.lineStart(input) == expected)
    }

    @Test(arguments: [
        ("/items/*/x", "`/items/*/x`"),
        ("a`b", "``a`b``"),
        ("`x", "`` `x ``"),
        ("a|b", "`a|b`"),
        ("", "*(empty)*"),
        ("nl\nx", "`nl\\x0Ax`"),
    ])
    func markdownCode(input: String, expected: String) {
        #expect(MarkdownText.code(input) == expected)
    }

    @Test func codeBlockFenceOutgrowsContent() {
        #expect(MarkdownText.codeBlock("a ``` b", info: "sh") == "````sh\na ``` b\n````")
        #expect(MarkdownText.codeBlock("x\u{0}") == "```\nx\\x00\n```")
    }

    @Test func tableCellsAreSealed() {
        var table = MarkdownTable([("A", .left), ("B", .right)])
        table.add(["x|y", "1\n2"])
        table.add(["already \\| escaped"])
        table.add([MarkdownText.code("p|q")])
        #expect(table.render() == "| A | B |\n| :-- | --: |\n| x\\|y | 1 2 |\n| already \\| escaped |   |\n| `p\\|q` |   |")
    }

    @Test(arguments: [(0.0, "0.000"), (0.1234, "0.123"), (12.0005, "12.001"), (-1, "0.000"), (.nan, "0.000"), (.infinity, "0.000"), (1e-9, "0.000"), (86400.5, "86400.500")])
    func seconds(value: Double, expected: String) {
        #expect(ReportFormat.seconds(value) == expected)
    }
}
