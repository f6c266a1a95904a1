/// Building nodes from schema JSON (always with the validator's lock held).
extension SchemaValidator {
    typealias Location = SchemaResourceIndex.Location

    enum Resolution {
        case found(Location)
        case missing(String)
    }

    /// Resolves a reference against a base URI, loading remote documents through the registry when needed.
    func resolve(_ ref: String, base: String) -> Resolution {
        let absolute = URIReference.resolve(ref, against: base)
        let (resource, fragment) = URIReference.splitFragment(absolute)
        guard let root = resourceLocation(resource) else { return .missing("cannot load \"\(resource)\": no such document or $id") }
        if fragment.isEmpty || fragment.hasPrefix("/") {
            guard let p = JSONPointer(fragment) else { return .missing("\"\(fragment)\" is not a JSON Pointer") }
            let target = Location(document: root.document, pointer: root.pointer.appending(p))
            guard target.pointer.resolve(in: documents[target.document]) != nil else {
                return .missing("nothing at \(target.pointer.description.isEmpty ? "/" : target.pointer.description) in \(documentURIs[target.document])")
            }
            return .found(target)
        }
        guard let anchor = index.anchors[resource + "#" + fragment] else { return .missing("no anchor \"\(fragment)\" in \(resource)") }
        return .found(anchor)
    }

    private func resourceLocation(_ uri: String) -> Location? {
        if let l = index.resources[uri] { return l }
        guard let (doc, docURI) = registry.lookup(uri), !documentURIs.contains(docURI) else { return nil }
        documents.append(doc); documentURIs.append(docURI)
        index.add(document: doc, index: documents.count - 1, uri: docURI)
        return index.resources[uri]
    }

    func resourceID(_ base: String) -> Int {
        if let id = resourceIDs[base] { return id }
        let id = resourceIDs.count
        resourceIDs[base] = id
        return id
    }

    /// The node at a location, compiled (with everything reachable from it) when first asked for.
    func build(_ location: Location) -> SchemaNode {
        if let n = cache[location] { return n }
        let doc = documents[location.document]
        let base = SchemaResourceIndex.baseURI(of: location.pointer, in: doc, documentURI: documentURIs[location.document])
        let node = SchemaNode(document: location.document, pointer: location.pointer, base: base, resourceID: resourceID(base),
                              foreignDocumentURI: location.document == 0 ? nil : documentURIs[location.document])
        // Cached before its subschemas are built, so a recursive `$ref` finds it instead of looping.
        cache[location] = node
        switch location.pointer.resolve(in: doc) {
        case .bool(let b)?: node.boolean = b
        case .object(let o)?:
            if o.isEmpty { node.boolean = true } else {
                SchemaCompiler(validator: self, node: node, object: o, vocabularies: vocabularies(at: location)).fill()
            }
        default:
            node.boolean = true
            node.problems.append(SchemaCompileError(message: "a schema must be an object or a boolean",
                                                    documentURI: documentURIs[location.document], pointer: location.pointer))
        }
        return node
    }

    /// The vocabularies the meta-schema named by `$schema` declares (nil when none is named or it declares none).
    func vocabularies(at location: Location) -> Set<String>? {
        guard let meta = SchemaResourceIndex.metaSchema(of: location.pointer, in: documents[location.document],
                                                        documentURI: documentURIs[location.document]) else { return nil }
        if let cached = vocabularyCache[meta] { return cached }
        var declared: Set<String>?
        if case .found(let l) = resolve(meta, base: meta),
           case .object(let v)? = l.pointer.resolve(in: documents[l.document])?["$vocabulary"] {
            declared = Set(v.keys)
        }
        vocabularyCache[meta] = .some(declared)
        return declared
    }

    /// Compiles every `$dynamicAnchor` a dynamic `$dynamicRef` may land on, including ones in documents
    /// that were loaded while compiling.
    func completeDynamicTargets() {
        guard !dynamicNames.isEmpty else { return }
        var added = true
        while added {
            added = false
            for (key, location) in index.dynamicAnchors {
                let (resource, name) = URIReference.splitFragment(key)
                guard dynamicNames.contains(name) else { continue }
                let rid = resourceID(resource)
                if dynamicTargets[name]?[rid] == nil {
                    dynamicTargets[name, default: [:]][rid] = build(location)
                    added = true
                }
            }
        }
    }
}
