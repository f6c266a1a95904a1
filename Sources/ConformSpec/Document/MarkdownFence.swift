import Foundation

/// The OpenAPI block inside a Markdown page (a documentation site's "llms" page: prose, then
/// ````` ````yaml … ```` `````).
///
/// Returns the page's bytes with everything outside the block's content blanked (newlines kept), so that
/// parsing it gives the block's value while every offset, line and column stays the page's own.
enum MarkdownFence {
    struct Block {
        /// The fence's info string (`yaml https://… get /v4/models`).
        let info: String
        /// The page with everything but the block's content replaced by spaces.
        let masked: [UInt8]
        /// Byte offset of the block's first content line.
        let contentStart: Int
    }

    /// The first fenced block whose info string starts with `yaml`, `yml` or `json` and whose content names
    /// `openapi`; nil when the page has none.
    static func openAPIBlock(in bytes: [UInt8]) -> Block? {
        let lines = lineRanges(bytes)
        var i = 0
        while i < lines.count {
            let line = Array(bytes[lines[i]])
            guard let (fenceChar, fenceLength, info) = opening(line) else { i += 1; continue }
            var j = i + 1
            while j < lines.count, !closes(Array(bytes[lines[j]]), char: fenceChar, length: fenceLength) { j += 1 }
            let lang = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
            let contentStart = i + 1 < lines.count ? lines[i + 1].lowerBound : bytes.count
            let contentEnd = j < lines.count ? lines[j].lowerBound : bytes.count
            let content = bytes[contentStart..<contentEnd]
            if ["yaml", "yml", "json"].contains(lang), String(decoding: content, as: UTF8.self).contains("openapi") {
                var masked = bytes
                for k in 0..<masked.count where (k < contentStart || k >= contentEnd) && masked[k] != UInt8(ascii: "\n") {
                    masked[k] = UInt8(ascii: " ")
                }
                return Block(info: info, masked: masked, contentStart: contentStart)
            }
            i = j + 1
        }
        return nil
    }

    /// Whether the bytes look like a Markdown page with a fenced block rather than a YAML/JSON document.
    static func hasFence(_ bytes: [UInt8]) -> Bool { openAPIBlock(in: bytes) != nil }

    private static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (k, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            ranges.append(start..<(k + 1)); start = k + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    private static func opening(_ line: [UInt8]) -> (UInt8, Int, String)? {
        guard let first = line.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = line.prefix { $0 == first }.count
        guard count >= 3 else { return nil }
        let info = String(decoding: line.dropFirst(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if first == UInt8(ascii: "`"), info.contains("`") { return nil }
        return (first, count, info)
    }

    private static func closes(_ line: [UInt8], char: UInt8, length: Int) -> Bool {
        let count = line.prefix { $0 == char }.count
        guard count >= length else { return false }
        return line.dropFirst(count).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }
    }
}
