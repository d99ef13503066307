#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files not yet renamed into place, kept as C strings in fixed slots so that a
/// signal handler can remove them (`removeAll()` only calls `unlink`).
public enum PendingTempFiles {
    static let capacity = 64
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()

    static func add(_ path: String) {
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return
        }
    }

    static func remove(_ path: String) {
        for i in 0..<capacity {
            if let p = slots[i], String(cString: p) == path {
                slots[i] = nil
                free(p)
            }
        }
    }

    /// Unlinks every pending temporary file (async-signal-safe: no allocation).
    public static func removeAll() {
        for i in 0..<capacity {
            if let p = slots[i] { unlink(p) }
        }
    }
}
