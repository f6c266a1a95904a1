import ConformCore

/// The compact text of a conforming catalog's items, written once: every page, every drifted mock armed from
/// the catalog and every request reuses the bytes of the items it lists unchanged (same storage: an item a
/// drift or a rule changed is a copy with storage of its own, and is written afresh).
///
/// Holds the items themselves, so no address it knows is freed and reused while it lives.
final class WrittenItems: JSONWrittenObjects {
    private let texts: [JSONObject.StorageIdentity: (item: JSONObject, text: [UInt8])]

    init(_ items: [JSONObject]) {
        var texts: [JSONObject.StorageIdentity: (item: JSONObject, text: [UInt8])] = [:]
        for item in items {
            guard let identity = item.storageIdentity else { continue }
            texts[identity] = (item, JSONWriter.bytes(.object(item)))
        }
        self.texts = texts
    }

    func bytes(of object: JSONObject) -> [UInt8]? {
        guard let identity = object.storageIdentity else { return nil }
        return texts[identity]?.text
    }
}
