import ConformCore

/// A complete HTTP response as received: status, headers, the whole body (within the cap), final URL, timing.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Response headers. `SocketTransport` keeps them in wire order with names as received; URLSession hands
    /// them over as a dictionary, so `URLSessionTransport` sorts them by lower-cased name (deterministic reports).
    public var headers: [Header]
    public var body: [UInt8]
    /// The URL that answered: the request URL, or the last same-origin redirect target.
    public var url: String
    /// Same-origin redirects followed on the way, in order (their `Location` targets).
    public var redirects: [String]
    /// Seconds from sending the request to receiving the last body byte.
    public var durationSeconds: Double

    public init(status: Int, headers: [Header] = [], body: [UInt8] = [], url: String, redirects: [String] = [],
                durationSeconds: Double = 0) {
        self.status = status; self.headers = headers; self.body = body; self.url = url
        self.redirects = redirects; self.durationSeconds = durationSeconds
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The media type without parameters, lower-cased (`application/json` for `Application/JSON; charset=utf-8`).
    public var mediaType: String? {
        guard let value = header("Content-Type") else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
