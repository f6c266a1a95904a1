import Foundation

/// Object keys already seen in this document, by the hash of their bytes (open addressing, fixed size).
///
/// A 10,000-item page repeats the same few dozen keys: sharing one `String` per key saves creating (and,
/// for keys over 15 bytes, allocating) hundreds of thousands of identical strings.
struct JSONKeyTable {
    static let size = 512
    static let maxKeyLength = 64
    var hashes = [UInt32](repeating: 0, count: size)
    var bytes = [[UInt8]](repeating: [], count: size)
    var strings = [String](repeating: "", count: size)
    var used = [Bool](repeating: false, count: size)
    var count = 0

    /// The key and its id (its slot) when these bytes were inserted before.
    func lookup(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ hash: UInt32) -> (String, Int32)? {
        var slot = Int(hash) & (Self.size - 1)
        let n = end - start
        while used[slot] {
            if hashes[slot] == hash, bytes[slot].count == n,
               bytes[slot].withUnsafeBytes({ stored in
                   guard let s = stored.baseAddress, let t = b.baseAddress else { return n == 0 }
                   return memcmp(s, t + start, n) == 0
               }) {
                return (strings[slot], Int32(slot))
            }
            slot = (slot + 1) & (Self.size - 1)
        }
        return nil
    }

    /// Adds a key; returns its id, or -1 when the table is full or the key too long to keep.
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ hash: UInt32, _ key: String) -> Int32 {
        // Half full at most, so probes stay short; documents with more distinct keys parse them plainly.
        guard count < Self.size / 2, end - start <= Self.maxKeyLength else { return -1 }
        var slot = Int(hash) & (Self.size - 1)
        while used[slot] { slot = (slot + 1) & (Self.size - 1) }
        used[slot] = true; hashes[slot] = hash; bytes[slot] = Array(UnsafeBufferPointer(rebasing: b[start..<end])); strings[slot] = key
        count += 1
        return Int32(slot)
    }
}
