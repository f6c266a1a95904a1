extension JSONObject {
    /// Where an object's members are stored. Two objects with the same identity share their storage, so they
    /// hold the same members in the same order; a changed copy gets storage of its own. An address can be
    /// reused once its storage is freed, so an identity means something only while its object is kept alive.
    public struct StorageIdentity: Hashable, Sendable {
        let keys: UInt
        let values: UInt
        let count: Int
    }

    /// The identity of this object's storage; nil for an empty object (empty objects share no storage).
    public var storageIdentity: StorageIdentity? {
        guard !keys.isEmpty else { return nil }
        let k = keys.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let v = values.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        return StorageIdentity(keys: k, values: v, count: keys.count)
    }
}

/// Objects whose compact JSON text is already known, by storage (`JSONObject.storageIdentity`): the mock
/// writes each catalog item once and every page that lists the item reuses the bytes.
public protocol JSONWrittenObjects: Sendable {
    /// The compact text of `object` when it is one of the known objects (same storage), else nil.
    func bytes(of object: JSONObject) -> [UInt8]?
}
