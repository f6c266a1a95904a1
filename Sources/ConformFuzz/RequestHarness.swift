import ConformMock

/// The mock's `HTTPRequestParser` on a connection's bytes, parsed the way `HTTPConnection` does: request after
/// pipelined request until the parser wants more or refuses. Every request consumes at least one byte and never
/// more than was there, a body is as long as its `Content-Length`, and a head over the limit is refused.
enum RequestHarness {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        var start = 0
        while true {
            switch HTTPRequestParser.parse(bytes, from: start) {
            case .incomplete(let inHead):
                if inHead, bytes.count - start > HTTPRequestParser.defaultMaxHeadBytes + 4 {
                    throw FuzzFailure("waits for more of a head already \(bytes.count - start) bytes long")
                }
                return
            case .refuse(let status, _):
                guard (400...599).contains(status) else { throw FuzzFailure("refused with status \(status)") }
                return
            case .request(let request, let consumed, _):
                guard consumed > 0, consumed <= bytes.count - start else {
                    throw FuzzFailure("consumed \(consumed) of the \(bytes.count - start) bytes left")
                }
                guard request.body.count <= HTTPRequestParser.maxBodyBytes else { throw FuzzFailure("a body of \(request.body.count) bytes") }
                start += consumed
            }
        }
    }
}
