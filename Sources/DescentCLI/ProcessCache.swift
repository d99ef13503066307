import Foundation

/// Values worked out once per process and shared between threads (figures render in
/// parallel): the same key always gives the same value, so a figure reads what another
/// figure, panel or frame already computed. Bounded: past `limit` entries it starts afresh.
final class ProcessCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private let limit: Int

    init(limit: Int = 512) { self.limit = limit }

    /// The value for `key`, computed (outside the lock) the first time it is asked for.
    func value(for key: Key, compute: () throws -> Value) rethrows -> Value {
        lock.lock()
        if let v = entries[key] { lock.unlock(); return v }
        lock.unlock()
        let v = try compute()
        lock.lock()
        if entries.count >= limit { entries.removeAll() }
        entries[key] = v
        lock.unlock()
        return v
    }

    /// Forgets the entries whose keys match (a figure's, once it is drawn).
    func removeAll(where matches: (Key) -> Bool) {
        lock.lock(); defer { lock.unlock() }
        entries = entries.filter { !matches($0.key) }
    }
}
