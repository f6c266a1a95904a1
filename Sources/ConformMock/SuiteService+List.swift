import ConformCore

extension SuiteService {
    /// One page of a list operation: filtered, searched, sorted and paged from the dataset, with totals,
    /// echoes, `has_more`, page counts and links computed so every pagination rule holds (unless drifted).
    func listBody(_ request: HTTPServerRequest, _ op: ConformCore.Operation, _ profile: ListProfile, _ data: Dataset,
                  _ values: [String: [String]]) -> JSONValue {
        let effect = drift?.effect
        var items = data.items
        for f in profile.filters where effect != .filterIgnored(operation: op.id, parameter: f) {
            guard let wanted = values[f].map(Set.init) else { continue }
            items = items.filter { $0[f].map { wanted.contains(Dataset.text($0)) } ?? false }
        }
        if let p = profile.searchParam, let q = values[p]?.first?.lowercased(), !q.isEmpty,
           effect != .searchIgnored(operation: op.id, parameter: p) {
            // Open WebUI searches "by name, base_model_id, or user information".
            let fields = [["name"], ["display_name"], ["base_model_id"], ["user_id"], ["user", "id"], ["user", "name"], ["user", "email"]]
            items = items.filter { item in fields.contains { item.get($0)?.stringValue?.lowercased().contains(q) == true } }
        }
        if let p = profile.ownerParam, let member = profile.ownerMember, let view = values[p]?.first,
           effect != .viewIgnored(operation: op.id, parameter: p) {
            let me = Dataset.creators[0]
            items = items.filter { view == "created" ? $0[member]?.stringValue == me : $0[member]?.stringValue != me }
        }
        if let p = profile.sortParam, let spec = values[p]?.first, effect != .sortIgnored(operation: op.id, parameter: p) {
            items = Self.sorted(items, spec: spec, direction: profile.directionParam.flatMap { values[$0]?.first } ?? profile.defaultDirection)
        }
        var keep = Set((profile.viewParam.flatMap { values[$0] } ?? []).compactMap { profile.viewMembers[$0] })
        if let v = profile.viewParam, effect == .viewIgnored(operation: op.id, parameter: v) { keep = [] }
        let strip = Set(profile.viewMembers.values).subtracting(keep)

        let total = items.count
        let first = profile.firstPage
        var page = profile.pageParam.flatMap { values[$0]?.first }.flatMap { Int($0) } ?? first
        if page < first { page = first }
        let size = profile.sizeParam.flatMap { values[$0]?.first }.flatMap { Int($0) }.map { max(1, $0) } ?? profile.defaultSize.map { max(1, $0) }
        var pageItems: [JSONObject]
        var offset = 0
        if let size {
            let (product, overflow) = (page - first).multipliedReportingOverflow(by: size)
            offset = overflow ? Int.max / 2 : product
            var start = offset
            if effect == .repeatItem(operation: op.id), page > first { start -= 1 }
            let count = effect == .oneTooMany(operation: op.id) ? size &+ 1 : size
            if start >= total {
                pageItems = []
                if effect == .pastEndNotEmpty(operation: op.id), total > 0 { pageItems = Array(items[((total - 1) / size * size)...]) }
            } else {
                pageItems = Array(items[start..<min(total, start &+ count)])
            }
        } else {
            pageItems = items
        }
        if effect == .duplicateInPage(operation: op.id), pageItems.count >= 2 { pageItems[pageItems.count - 1] = pageItems[0] }
        let hasMore = size != nil && offset < total && offset + min(size ?? 0, total - offset) < total
        let pages = size.map { total == 0 ? 0 : (total + $0 - 1) / $0 } ?? 1

        var trace = SynthesisTrace()
        let synth = bodySynthesizer
        var wrapper = synth.value(profile.wrapperSchema, key: SeededRandom(seed).child("wrapper").child(op.id), skip: [profile.itemsMember],
                                  trace: &trace).objectValue ?? JSONObject()
        let doc = suite.file.document
        let schemaDrift = synth.armed ? drift?.schemaDrift : nil
        func put(_ path: [String]?, _ value: JSONValue?) {
            guard let path, !SchemaPath.isTouched(path, from: profile.wrapperSchema, in: doc, by: schemaDrift) else { return }
            wrapper.set(path, value)
        }
        let millis = effect == .timestampsInMilliseconds(operation: op.id) ? DriftCatalog.timestampMembers(profile, suite) : []
        let unlinked = effect == .unlinkedIdentifiers(operation: op.id) ? DriftCatalog.linkedObjects(profile, suite) : []
        put([profile.itemsMember], .array(pageItems.map { item in
            var o = item
            for m in strip { o[m] = nil }
            for m in millis { if let t = o[m]?.numberValue?.int64Value { o[m] = JSONValue(Int(t) &* 1000) } }
            for x in unlinked { if case .string(let id)? = o[x]?["id"], var nested = o[x]?.objectValue { nested["id"] = .string(id + "-other"); o[x] = .object(nested) } }
            return .object(o)
        }))
        var reportedTotal = total
        if effect == .totalTooSmall(operation: op.id), !pageItems.isEmpty { reportedTotal = pageItems.count - 1 }
        if effect == .unstableTotal(operation: op.id) { reportedTotal = reportedTotal &+ (page &- first) }
        put(profile.roles[.total], JSONValue(reportedTotal))
        put(profile.roles[.hasMore], .bool(effect == .hasMoreFlipped(operation: op.id) ? !hasMore : hasMore))
        put(profile.roles[.pageEcho], JSONValue(effect == .wrongPageEcho(operation: op.id) ? page &+ 1 : page))
        let echoedSize = size ?? pageItems.count
        put(profile.roles[.sizeEcho], JSONValue(effect == .wrongSizeEcho(operation: op.id) ? echoedSize &+ 1 : echoedSize))
        put(profile.roles[.pages], JSONValue(effect == .pagesWrong(operation: op.id) ? pages + 1 : pages))
        if let pageParam = profile.pageParam {
            let link = { (n: Int) in JSONValue.string(Self.pageURL(request, pageParam: pageParam, page: n)) }
            put(profile.roles[.first], link(first))
            put(profile.roles[.last], link(first + max(0, pages - 1)))
            // `nil` would be JSON null here (JSONValue is nil-literal expressible): absent links are removed instead.
            let absent: JSONValue? = Optional.none
            put(profile.roles[.next], hasMore && effect != .nextLinkMissing(operation: op.id) ? link(page &+ 1) : absent)
            put(profile.roles[.previous], page > first && effect != .previousLinkMissing(operation: op.id) ? link(page - 1) : absent)
        }
        return .object(wrapper)
    }

    /// Sorted by `field:asc|desc`, `-field` or `field` (then `direction`); strings case-insensitively,
    /// missing values last, ties in dataset order.
    static func sorted(_ items: [JSONObject], spec: String, direction: String) -> [JSONObject] {
        var field = spec
        var descending = direction.lowercased().hasPrefix("desc")
        if let colon = spec.lastIndex(of: ":") {
            field = String(spec[..<colon])
            descending = spec[spec.index(after: colon)...].lowercased().hasPrefix("desc")
        } else if spec.hasPrefix("-") {
            field = String(spec.dropFirst())
            descending = true
        }
        let indexed = items.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            let x = a.1[field], y = b.1[field]
            switch (x, y) {
            case (nil, nil): return a.0 < b.0
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                let c = compare(x, y)
                if c == 0 { return a.0 < b.0 }
                return descending ? c > 0 : c < 0
            }
        }.map(\.1)
    }

    private static func compare(_ x: JSONValue, _ y: JSONValue) -> Int {
        if let a = x.numberValue?.doubleValue, let b = y.numberValue?.doubleValue { return a < b ? -1 : (a > b ? 1 : 0) }
        let a = Dataset.text(x).lowercased(), b = Dataset.text(y).lowercased()
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    /// The request's own URL with the page parameter set (absolute, from the `Host` header).
    static func pageURL(_ request: HTTPServerRequest, pageParam: String, page: Int) -> String {
        var pairs = request.query.filter { $0.0 != pageParam }
        pairs.append((pageParam, String(page)))
        let query = pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
        let rawPath = HTTPServerRequest.split(target: request.target).path
        let host = request.header("host").map { "http://" + $0 } ?? ""
        return host + rawPath + "?" + query
    }

    private static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x3A: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
