/// Builds an indented XML document line by line; every attribute value and body goes through `XMLEscaping`.
struct XMLLines {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ raw: String) {
        text += String(repeating: "  ", count: depth) + raw + "\n"
    }

    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        line("<" + name + Self.attributes(attributes) + ">")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</" + name + ">")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        line("<" + name + Self.attributes(attributes) + "/>")
    }

    /// An element with escaped character data (plain text, never CDATA, so a `]]>` in the body is harmless).
    mutating func element(_ name: String, _ attributes: [(String, String)], body: String) {
        let indent = String(repeating: "  ", count: depth)
        text += indent + "<" + name + Self.attributes(attributes) + ">" + XMLEscaping.text(body) + "</" + name + ">\n"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " " + $0.0 + "=\"" + XMLEscaping.attribute($0.1) + "\"" }.joined()
    }
}
