extension SuiteBuilder {
    /// Every `request.NAME` / `response.NAME` an invariant reads must be a member the runner gives them
    /// (`RequestMember`, `ResponseMember`): `response.stauts == 200` would otherwise blame the server at run time
    /// for a typo in the suite, and `response.duration < 1000` for a value Conform never records.
    func checkExchangeReferences(of suite: Suite) {
        var invariants = suite.operations.flatMap { $0.responses.flatMap(\.invariants) }
        invariants += suite.cases.flatMap(\.expect.invariants)
        invariants += suite.auth?.rejection?.invariants ?? []
        invariants += suite.walks.flatMap(\.pageInvariants)
        for inv in invariants {
            for ref in inv.expression.exchangeReferences {
                let known = ref.root == "request" ? RequestMember.allCases.map(\.rawValue) : ResponseMember.allCases.map(\.rawValue)
                guard !known.contains(ref.name) else { continue }
                let hint = NearestName.hint(ref.name, in: known)
                let list = hint.isEmpty ? " (\(ref.root) holds \(known.joined(separator: ", ")))" : ""
                let message = "invariant reads \(ref.root).\(ref.name.utf8.count <= 60 ? ref.name : String(ref.name.prefix(60)) + "…"),"
                    + " which \(ref.root) does not hold\(list)\(hint)"
                if let offset = offsetInside(stringAt: inv.pointer, text: inv.expression.source, utf8Offset: ref.offset) {
                    reader.error(message, at: inv.pointer, offset: offset)
                } else {
                    reader.error(message, at: inv.pointer)
                }
            }
        }
    }
}
