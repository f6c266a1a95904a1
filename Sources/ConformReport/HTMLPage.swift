/// The page both HTML reports share — one run (`conform run --html`) and the compatibility matrix
/// (`conform compat --html`): one self-contained document, inline CSS, no external request, readable
/// offline and in print, the same colours (Okabe–Ito, safe for colour-blind readers) and the same escaping.
enum HTMLPage {
    /// A whole document around `body` (already-escaped HTML), ending with a newline.
    static func document(title: String, css: String = "", body: String, script: String = "") -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(escape(title))</title>\n<style>\n\(baseCSS)\(css)</style>\n</head>\n<body>\n"
        h += body
        if !script.isEmpty { h += "<script>\n\(script)</script>\n" }
        return h + "</body>\n</html>\n"
    }

    /// Text and attribute values: every markup character and invisible control made harmless.
    static func escape(_ s: String) -> String { XMLEscaping.attribute(s) }

    /// Colours, type, tables, evidence blocks and print rules common to both pages.
    static let baseCSS = """
    :root { --pass:#cfeee2; --passfg:#005a41; --fail:#f9d3bd; --failfg:#8a3300; --notimpl:#d3e5f5; --notimplfg:#00466e;
            --error:#f4ebf1; --errorfg:#7a2b5c; --skip:#eeeeee; --skipfg:#555; }
    body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 1.5rem 2rem; color: #111; }
    header h1 { font-size: 1.4rem; margin: 1rem 0 .3rem; }
    .verdict { font-size: 1.05rem; font-weight: 600; margin: .2rem 0; }
    .meta, .small { color: #555; font-size: 12px; }
    td, tbody th { border-bottom: 1px solid #e3e3e3; padding: 3px 6px; vertical-align: top; }
    td.n { text-align: right; color: #555; }
    .c.pass { background: var(--pass); color: var(--passfg); } .c.fail { background: var(--fail); color: var(--failfg); font-weight: 600; }
    .c.notimpl { background: var(--notimpl); color: var(--notimplfg); } .c.error { background: var(--error); color: var(--errorfg); }
    .c.skip { background: var(--skip); color: var(--skipfg); }
    .ev { border-left: 6px solid #ccc; padding: .2rem .8rem; margin: .6rem 0; }
    .ev.fail { border-color: var(--failfg); } .ev.error { border-color: var(--errorfg); } .ev.notimpl { border-color: var(--notimplfg); }
    .ev h3 { font-size: .95rem; margin: .3rem 0; } dl { display: grid; grid-template-columns: 7rem 1fr; gap: 2px 10px; margin: 0; }
    dt { color: #555; } dd { margin: 0; word-break: break-word; }
    pre { background: #f6f6f6; padding: .4rem; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
    @media print { body { margin: 0; font-size: 10px; } .c { -webkit-print-color-adjust: exact; print-color-adjust: exact; } .ev { break-inside: avoid; } }

    """
}
