#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the whole new one:
/// bytes go to a temporary file in the same directory, which is then renamed.
public enum AtomicFile {
    /// Writes `bytes` to `path`. Throws `OutputError` naming the path on any failure,
    /// and leaves no temporary file behind.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let directory = parentDirectory(of: path)
        var info = stat()
        if stat(directory, &info) != 0 {
            throw OutputError("\(path): cannot write: directory '\(directory)' does not exist")
        }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            throw OutputError("\(path): cannot write: '\(directory)' is not a directory")
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError("\(path): cannot write: it is a directory")
        }
        let template = directory + "/." + baseName(of: path) + ".tmp-XXXXXX"
        var templateBytes = Array(template.utf8CString)
        let fd = templateBytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            throw OutputError("\(path): cannot write: \(String(cString: strerror(errno)))")
        }
        let tempPath = String(decoding: templateBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress!.advanced(by: written), bytes.count - written)
            if n <= 0 {
                let message = String(cString: strerror(errno))
                close(fd)
                unlink(tempPath)
                throw OutputError("\(path): cannot write: \(message)")
            }
            written += n
        }
        fchmod(fd, 0o644)
        if close(fd) != 0 || rename(tempPath, path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(tempPath)
            throw OutputError("\(path): cannot write: \(message)")
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
