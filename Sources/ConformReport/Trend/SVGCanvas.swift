/// SVG 1.1 elements appended as text: every coordinate rounded to one decimal, every text and attribute value
/// escaped (`XMLEscaping`), so untrusted suite titles cannot end an element or inject markup.
struct SVGCanvas {
    private(set) var elements: [String] = []

    /// A shape of a data line's point.
    enum Marker { case circle, square, triangle }

    /// Text at (x, y); `anchor` is `start`, `middle` or `end`.
    mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
                       fill: String = "#222222", weight: String? = nil) {
        var attributes = "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" fill=\"\(fill)\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        elements.append("<text \(attributes)>\(XMLEscaping.text(content))</text>")
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
        elements.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"/>")
    }

    /// A filled rectangle.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        elements.append("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"\(fill)\"/>")
    }

    /// An open line through `points` (two or more), optionally dashed (`stroke-dasharray`).
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double, dash: String?) {
        let coordinates = points.map { Self.n($0.x) + "," + Self.n($0.y) }.joined(separator: " ")
        let dashing = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        elements.append("<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"\(dashing)/>")
    }

    /// A point marker centred on (x, y), with a hover text (`<title>`) when given.
    mutating func marker(_ shape: Marker, x: Double, y: Double, fill: String, tooltip: String?) {
        let hover = tooltip.map { "<title>\(XMLEscaping.text($0))</title>" } ?? ""
        let close = hover.isEmpty ? "/>" : ">\(hover)"
        switch shape {
        case .circle:
            elements.append("<circle cx=\"\(Self.n(x))\" cy=\"\(Self.n(y))\" r=\"3.5\" fill=\"\(fill)\"" + close + (hover.isEmpty ? "" : "</circle>"))
        case .square:
            // Hollow and larger than a circle, so a circle at the same spot (failed = errors) shows through it.
            elements.append("<rect x=\"\(Self.n(x - 5))\" y=\"\(Self.n(y - 5))\" width=\"10\" height=\"10\" fill=\"none\" stroke=\"\(fill)\" stroke-width=\"2\"" + close + (hover.isEmpty ? "" : "</rect>"))
        case .triangle:
            let p = [(x, y - 4.5), (x - 4.5, y + 3.5), (x + 4.5, y + 3.5)].map { Self.n($0.0) + "," + Self.n($0.1) }.joined(separator: " ")
            elements.append("<polygon points=\"\(p)\" fill=\"\(fill)\"" + close + (hover.isEmpty ? "" : "</polygon>"))
        }
    }

    /// The whole document: SVG 1.1 with its namespace, size, viewBox, and an accessible title and description.
    func document(width: Double, height: Double, title: String, description: String) -> String {
        let w = Self.n(width), h = Self.n(height)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">",
            "<title id=\"chart-title\">\(XMLEscaping.text(title))</title>",
            "<desc id=\"chart-desc\">\(XMLEscaping.text(description))</desc>",
            "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>",
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A coordinate with at most one decimal (`12`, `12.5`).
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite else { return "0" }
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }
}
