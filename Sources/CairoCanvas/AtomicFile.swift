#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the whole new one:
/// bytes go to a temporary file in the same directory, which is then renamed.
/// A symlink is written through to its target; `-`, character devices and FIFOs are
/// written directly (see `AtomicFileWriter`).
public enum AtomicFile {
    /// Writes `bytes` to `path`. Throws `OutputError` naming the path on any failure,
    /// and leaves no temporary file behind.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let file = try AtomicFileWriter(path: path)
        do {
            try file.append(bytes)
            try file.commit()
        } catch {
            file.abort()
            throw error
        }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    /// Writes UTF-8 `text` to `path` atomically.
    public static func write(text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

extension AtomicFile {
    /// Checks that `path` can be written (its directory exists and is writable, it is not a
    /// directory) without creating anything, so a command can refuse before it starts work.
    public static func checkWritable(_ path: String) throws {
        switch try OutputDestination.resolve(path) {
        case .descriptor, .direct:
            return
        case let .replace(target, _):
            let directory = parentDirectory(of: target)
            if access(directory, W_OK) != 0 {
                throw OutputError("\(path): cannot write: \(String(cString: strerror(errno))) (directory '\(directory)')")
            }
        }
    }
}
