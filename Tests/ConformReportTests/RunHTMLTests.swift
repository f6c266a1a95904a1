import ConformCore
import Foundation
import Testing
@testable import ConformReport

/// `conform run --html`: one self-contained page with every finding, built on the compat page's shell.
@Suite struct RunHTMLTests {
    @Test func isSelfContainedEscapedAndComplete() {
        let html = RunHTML.render(SampleRun.run)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        // No external request: no src= or href= to anything, no script at all in a run's page.
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("<script"))
        // Hostile server and suite text is text.
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(!html.contains("\u{1B}"))
        // Every finding the check kept (the first 20 of the 312 bad dates) by pointer, then the true count of the rest.
        #expect(html.contains("<code>/items/19/created_at</code>") && html.components(separatedBy: "/created_at</code>: ").count - 1 == 20)
        #expect(html.contains("… and 292 more at <code>/items/*/created_at</code>"))
        // The body of the unexpected status, and the shared shell (HTMLPage's CSS) the compat page uses too.
        #expect(html.contains("<pre>{&quot;items&quot;:[]</pre>") || html.contains("<pre>{\"items\":[]</pre>"))
        #expect(html.contains(HTMLPage.baseCSS))
        #expect(CompatHTML.render(CompatMatrix([])).contains(HTMLPage.baseCSS))
    }

    @Test(.enabled(if: Tools.path(of: "xmllint") != nil, "needs xmllint (apt-get install libxml2-utils)"))
    func parsesAsHTML() throws {
        let tool = try #require(Tools.path(of: "xmllint"))
        let out = try Tools.run(tool, ["--html", "--noout", "-"], stdin: RunHTML.render(SampleRun.run))
        // xmllint's parser is HTML 4: it knows no <header> or <section>; anything else it reports is real.
        let problems = out.err.split(separator: "\n").filter { $0.contains("parser error") && !$0.contains("Tag header invalid") && !$0.contains("Tag section invalid") }
        #expect(out.status == 0 && problems.isEmpty, "xmllint: \(out.err)")
    }
}
